using System.Collections;

namespace ModelZoo.Torch.Modules;

/// <summary>Runs its modules in order (torch.nn.Sequential); they are named "0", "1", ... unless named explicitly.</summary>
public sealed class Sequential : TensorModule, IEnumerable<TensorModule>
{
    private readonly List<TensorModule> layers = [];

    /// <summary>Modules named by position.</summary>
    public Sequential(params TensorModule[] modules)
    {
        foreach (var module in modules) Append(module);
    }

    /// <summary>Modules with explicit names (state-dict keys use them).</summary>
    public Sequential(params (string name, TensorModule module)[] modules)
    {
        foreach (var (name, module) in modules) Append(name, module);
    }

    /// <summary>Adds a module named by its position.</summary>
    public Sequential Append(TensorModule module) => Append(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

    /// <summary>Adds a module under <paramref name="name"/>.</summary>
    public Sequential Append(string name, TensorModule module)
    {
        layers.Add(RegisterModule(name, module));
        return this;
    }

    /// <summary>Number of modules.</summary>
    public int Count => layers.Count;

    /// <summary>The module at a position.</summary>
    public TensorModule this[int index] => layers[index];

    /// <inheritdoc />
    /// <remarks>
    /// Each intermediate output is disposed once the next module has run (as TorchSharp's Sequential does),
    /// so a forward pass outside a dispose scope does not leave them to the finalizer; autograd keeps what
    /// it needs, and a forward hook that wants to keep an output must keep its own alias.
    /// </remarks>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.call(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(next, x)) x.Dispose();
            x = next;
        }
        return ReferenceEquals(x, input) ? input.alias() : x;
    }

    /// <inheritdoc />
    public IEnumerator<TensorModule> GetEnumerator() => layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Holds modules by position (torch.nn.ModuleList) without defining how they run.</summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    private readonly List<T> items = [];

    /// <summary>Creates the list.</summary>
    public ModuleList(params T[] modules)
    {
        foreach (var module in modules) Add(module);
    }

    /// <summary>Adds a module named by its position.</summary>
    public void Add(T module) => items.Add(RegisterModule(items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
