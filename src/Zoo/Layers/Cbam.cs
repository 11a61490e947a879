
namespace ModelZoo.Zoo.Layers;

// CBAM: Convolutional Block Attention Module — Woo, Park, Lee, Kweon, arXiv:1807.06521, §3, Fig. 1 and 2.
// Attribute names follow the widely used PyTorch port (luuuyi/CBAM.PyTorch): ChannelAttention.fc1/fc2,
// SpatialAttention.conv1, and Cbam holds them as ca and sa.

/// <summary>
/// CBAM's channel attention (Eq. 2): Mc(F) = σ(MLP(AvgPool(F)) + MLP(MaxPool(F))), the MLP shared by both
/// descriptors as two 1×1 convs without bias (C → C/r → C, ReLU between); returns F scaled by Mc(F).
/// </summary>
public sealed class ChannelAttention : ZooModule, IGraphExportable
{
    private readonly Conv2d fc1;
    private readonly Conv2d fc2;

    /// <summary>Creates the block for <paramref name="channels"/> channels with reduction ratio <paramref name="reduction"/> (paper: 16).</summary>
    public ChannelAttention(long channels, long reduction = 16)
    {
        if (reduction < 1 || channels / reduction < 1)
            throw new ArgumentException($"channel attention needs 1 <= reduction <= channels, got {reduction} for {channels} channels");
        fc1 = Register("fc1", nn.Conv2d(channels, channels / reduction, 1, bias: false));
        fc2 = Register("fc2", nn.Conv2d(channels / reduction, channels, 1, bias: false));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var avg = F.adaptive_avg_pool2d(input, 1);
        using var max = F.adaptive_max_pool2d(input, [1, 1]);
        using var avgScores = Mlp(avg);
        using var maxScores = Mlp(max);
        using var weights = avgScores.add(maxScores).sigmoid_();
        return input.mul(weights);
    }

    private Tensor Mlp(Tensor descriptor)
    {
        using var hidden = fc1.call(descriptor).relu_();
        return fc2.call(hidden);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var avgScores = MlpGraph(graph, graph.GlobalAveragePool(input));
        var maxScores = MlpGraph(graph, graph.GlobalMaxPool(input));
        return graph.Mul(input, graph.Sigmoid(graph.Add(avgScores, maxScores)));
    }

    private GraphValue MlpGraph(IGraphBuilder graph, GraphValue descriptor) =>
        graph.Call(fc2, graph.Relu(graph.Call(fc1, descriptor)));
}

/// <summary>
/// CBAM's spatial attention (Eq. 3): Ms(F) = σ(conv7×7([AvgPool(F); MaxPool(F)])), pooling across channels,
/// one conv 2 → 1 without bias; returns F scaled by Ms(F).
/// </summary>
public sealed class SpatialAttention : ZooModule, IGraphExportable
{
    private readonly Conv2d conv1;

    /// <summary>Creates the block with a <paramref name="kernelSize"/>×<paramref name="kernelSize"/> conv (paper: 7, padding 3).</summary>
    public SpatialAttention(long kernelSize = 7)
    {
        if (kernelSize < 1 || kernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "spatial attention needs an odd kernel size");
        conv1 = Register("conv1", nn.Conv2d(2, 1, kernelSize, 1, kernelSize / 2, bias: false));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var avg = input.mean([1], keepdim: true);
        var (max, indexes) = input.max(1, keepdim: true);
        using var maxValues = max;
        indexes.Dispose();
        using var descriptor = cat([avg, maxValues], 1);
        using var weights = conv1.call(descriptor).sigmoid_();
        return input.mul(weights);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var descriptor = graph.Concat(graph.ChannelMean(input), graph.ChannelMax(input));
        return graph.Mul(input, graph.Sigmoid(graph.Call(conv1, descriptor)));
    }
}

/// <summary>CBAM (Fig. 1, Eq. 1): channel attention, then spatial attention on its output.</summary>
public sealed class Cbam : ZooModule, IGraphExportable
{
    private readonly ChannelAttention ca;
    private readonly SpatialAttention sa;

    /// <summary>Creates the module for <paramref name="channels"/> channels (paper: reduction 16, 7×7 spatial kernel).</summary>
    public Cbam(long channels, long reduction = 16, long spatialKernelSize = 7)
    {
        ca = Register("ca", new ChannelAttention(channels, reduction));
        sa = Register("sa", new SpatialAttention(spatialKernelSize));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var refined = ca.call(input);
        return sa.call(refined);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) => graph.Call(sa, graph.Call(ca, input));
}
