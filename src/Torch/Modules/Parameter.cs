namespace ModelZoo.Torch.Modules;

/// <summary>
/// A tensor that a module learns. It requires gradients, belongs to its module (never to a
/// dispose scope) and is freed when the module is disposed.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>Takes over <paramref name="data"/> (which is disposed) as a learnable parameter.</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(DetachedLeaf(data))
    {
        requires_grad = requiresGrad;
    }

    // A parameter is a leaf: it must not carry the graph that computed its initial value.
    private static Tensor DetachedLeaf(Tensor data)
    {
        if (!data.requires_grad) return data;
        var leaf = data.detach();
        data.Dispose();
        return leaf;
    }
}
