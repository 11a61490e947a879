using System.Collections;
using System.Globalization;

namespace ModelZoo.Zoo.Layers;

/// <summary>
/// Runs its modules in order (torch.nn.Sequential), named "0", "1", … unless named explicitly.
/// </summary>
/// <remarks>
/// TorchSharp's own Sequential disposes every intermediate output, including one an in-place module
/// (ReLU(inplace: true)) handed back as the very tensor it was given, which then reaches the next module
/// disposed. This one frees an intermediate only when the next module returned a different tensor, so the
/// zoo's in-place activations keep saving their allocation.
/// </remarks>
public sealed class Sequential : ZooModule, IEnumerable<nn.Module<Tensor, Tensor>>
{
    private readonly List<nn.Module<Tensor, Tensor>> layers = [];

    /// <summary>Modules named by position.</summary>
    public Sequential(params nn.Module<Tensor, Tensor>[] modules)
    {
        foreach (var module in modules) Append(module);
    }

    /// <summary>Adds a module named by its position.</summary>
    public Sequential Append(nn.Module<Tensor, Tensor> module)
    {
        layers.Add(Register(layers.Count.ToString(CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <summary>Number of modules.</summary>
    public int Count => layers.Count;

    /// <summary>The module at a position.</summary>
    public nn.Module<Tensor, Tensor> this[int index] => layers[index];

    /// <summary>Replaces the module at <paramref name="index"/> (disposing the old one).</summary>
    public void Set(int index, nn.Module<Tensor, Tensor> module) =>
        layers[index] = Replace(index.ToString(CultureInfo.InvariantCulture), module);

    /// <inheritdoc />
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
    public IEnumerator<nn.Module<Tensor, Tensor>> GetEnumerator() => layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
