using System.Collections;
using System.Globalization;

namespace ModelZoo.Zoo.Layers;

/// <summary>
/// Runs its modules in order (torch.nn.Sequential), named "0", "1", … unless named explicitly.
/// </summary>
/// <remarks>
/// TorchSharp has a Sequential, but its state dict lists the parameters of the whole subtree before any
/// buffer, and the zoo's keys must come in PyTorch's order (<see cref="ZooModule.state_dict"/>); this one is
/// a <see cref="ZooModule"/> and can also replace a layer in place (<see cref="Set"/>). Like TorchSharp's,
/// it frees each intermediate once the next module has run, unless that module handed back the same tensor.
/// </remarks>
public sealed class Sequential : ZooModule, IGraphExportable, IEnumerable<nn.Module<Tensor, Tensor>>
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
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) =>
        layers.Aggregate(input, (x, layer) => graph.Call(layer, x));

    /// <inheritdoc />
    public IEnumerator<nn.Module<Tensor, Tensor>> GetEnumerator() => layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
