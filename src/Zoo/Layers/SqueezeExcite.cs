
namespace ModelZoo.Zoo.Layers;

/// <summary>How the squeeze-excitation gate squashes its scores.</summary>
public enum GateActivation
{
    /// <summary>Sigmoid (SENet).</summary>
    Sigmoid,
    /// <summary>Hard sigmoid (MobileNetV3).</summary>
    Hardsigmoid,
}

/// <summary>
/// Squeeze-and-Excitation (Hu et al., arXiv:1709.01507): global average pool → 1×1 conv (reduce) →
/// ReLU → 1×1 conv (expand) → gate, then the input scaled channel-wise. Attribute names (fc1, fc2)
/// follow torchvision's SqueezeExcitation so MobileNetV3 weights load as they are.
/// </summary>
public sealed class SqueezeExcite : ZooModule, IGraphExportable
{
    private readonly Conv2d fc1;
    private readonly Conv2d fc2;
    private readonly GateActivation gate;

    /// <summary>Creates the block with <paramref name="squeezeChannels"/> in the bottleneck.</summary>
    public SqueezeExcite(long channels, long squeezeChannels, GateActivation gate = GateActivation.Sigmoid)
    {
        fc1 = Register("fc1", nn.Conv2d(channels, squeezeChannels, 1));
        fc2 = Register("fc2", nn.Conv2d(squeezeChannels, channels, 1));
        this.gate = gate;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var pooled = F.adaptive_avg_pool2d(input, 1);
        using var reduced = fc1.call(pooled).relu_();
        var scores = fc2.call(reduced);
        using var weights = gate == GateActivation.Sigmoid ? scores.sigmoid_() : scores.hardsigmoid_();
        return input.mul(weights);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var reduced = graph.Relu(graph.Call(fc1, graph.GlobalAveragePool(input)));
        var scores = graph.Call(fc2, reduced);
        return graph.Mul(input, gate == GateActivation.Sigmoid ? graph.Sigmoid(scores) : graph.HardSigmoid(scores));
    }
}
