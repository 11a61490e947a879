namespace ModelZoo.Zoo.Layers;

/// <summary>
/// What a block needs to describe its inference-time forward as a graph (for ONNX export): calls of its
/// sub-modules and the functional operations its <c>forward</c> applies between them. Eval-mode semantics
/// throughout: dropout and batch norm use their inference behaviour.
/// </summary>
public interface IGraphBuilder
{
    /// <summary>The graph of <paramref name="module"/> applied to <paramref name="input"/> (a leaf layer or an <see cref="IGraphExportable"/>).</summary>
    GraphValue Call(nn.Module<Tensor, Tensor> module, GraphValue input);

    /// <summary>Element-wise sum (broadcasting, as <c>Tensor.add</c>).</summary>
    GraphValue Add(GraphValue a, GraphValue b);

    /// <summary>Element-wise product (broadcasting, as <c>Tensor.mul</c>; [N, C, 1, 1] gates scale [N, C, H, W]).</summary>
    GraphValue Mul(GraphValue a, GraphValue b);

    /// <summary>Concatenation along the channels (<c>cat(values, 1)</c>).</summary>
    GraphValue Concat(params GraphValue[] values);

    /// <summary>max(x, 0).</summary>
    GraphValue Relu(GraphValue x);

    /// <summary>1 / (1 + e^-x).</summary>
    GraphValue Sigmoid(GraphValue x);

    /// <summary>PyTorch's hardsigmoid: relu6(x + 3) / 6.</summary>
    GraphValue HardSigmoid(GraphValue x);

    /// <summary>Mean over H and W, kept as [N, C, 1, 1] (<c>adaptive_avg_pool2d(x, 1)</c>).</summary>
    GraphValue GlobalAveragePool(GraphValue x);

    /// <summary>Maximum over H and W, kept as [N, C, 1, 1] (<c>adaptive_max_pool2d(x, 1)</c>).</summary>
    GraphValue GlobalMaxPool(GraphValue x);

    /// <summary>Mean over the channels, kept as [N, 1, H, W] (<c>x.mean([1], keepdim: true)</c>).</summary>
    GraphValue ChannelMean(GraphValue x);

    /// <summary>Maximum over the channels, kept as [N, 1, H, W] (<c>x.max(1, keepdim: true)</c>'s values).</summary>
    GraphValue ChannelMax(GraphValue x);

    /// <summary>[N, C, …] to [N, C·…] (<c>x.flatten(1)</c>).</summary>
    GraphValue Flatten(GraphValue x);
}
