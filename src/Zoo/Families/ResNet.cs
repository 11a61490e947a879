// Deep Residual Learning for Image Recognition — He, Zhang, Ren, Sun, arXiv:1512.03385.
// Variant table: the paper's Table 1 (residual block and blocks per stage for 18 to 152 layers).
// Layout, attribute names and initialisation follow torchvision 0.14's resnet.py (ResNet "v1.5": a
// bottleneck downsamples in its 3×3 conv), so torchvision ResNet weights load by name.
//
// This is the skeleton the attention families share (SEResNet, CbamResNet), like timm's ResNet with its
// attn_layer argument: a residual block may run an attention module on its branch after the branch's last
// BN and before the addition, registered under the family's attribute name ("se", "cbam").
//
// Small-input mode (28–32 px): conv1 runs with stride 1 (7×7 kernel, padding 3) and the stem max-pool is
// dropped (an Identity keeps its slot), so the four stages see 32, 16, 8, 4 px of a 32 px image instead
// of 8, 4, 2, 1. The CIFAR ResNets (He et al. §4.2, and the usual "ResNet-18 for CIFAR") also shrink conv1
// to 3×3; that would change conv1's parameter count, which small-input mode never does, so 7×7 stays.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>
/// What a residual block applies to its branch before the addition: the attribute name it is registered
/// under (its state-dict prefix) and a factory taking the branch's output channels.
/// </summary>
public sealed record BlockAttention(string Name, Func<long, nn.Module<Tensor, Tensor>> Create);

/// <summary>
/// What both residual blocks share: the optional attention and the projection shortcut, registered after
/// the branch (torchvision's order, the attention first), and the merge relu(attention(branch) + shortcut(x)).
/// </summary>
file abstract class ResidualBlock : ZooModule, IGraphExportable
{
    private nn.Module<Tensor, Tensor>? attention;
    private Sequential? downsample;

    /// <summary>Registers the attention over the branch output and, where the shape changes, torchvision's 1×1 conv + BN shortcut.</summary>
    protected void RegisterTail(BlockAttention? attention, long inplanes, long outplanes, long stride)
    {
        if (attention is not null) this.attention = Register(attention.Name, attention.Create(outplanes));
        if (stride != 1 || inplanes != outplanes)
            downsample = Register("downsample",
                new Sequential(nn.Conv2d(inplanes, outplanes, 1, stride, bias: false), new BatchNorm2d(outplanes)));
    }

    protected Tensor Merge(Tensor branch, Tensor input, ReLU relu)
    {
        using var attended = attention?.call(branch);
        using var shortcut = downsample?.call(input);
        return relu.CallAndRelease((attended ?? branch).add(shortcut ?? input));
    }

    public abstract GraphValue ExportGraph(IGraphBuilder graph, GraphValue input);

    protected GraphValue MergeGraph(IGraphBuilder graph, GraphValue branch, GraphValue input, ReLU relu)
    {
        var attended = attention is null ? branch : graph.Call(attention, branch);
        var shortcut = downsample is null ? input : graph.Call(downsample, input);
        return graph.Call(relu, graph.Add(attended, shortcut));
    }
}

/// <summary>Two 3×3 convs (ResNet-18/34); the branch keeps its width.</summary>
file sealed class BasicBlock : ResidualBlock
{
    public const int Expansion = 1;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;

    public BasicBlock(long inplanes, long planes, long stride, BlockAttention? attention)
    {
        conv1 = Register("conv1", nn.Conv2d(inplanes, planes, 3, stride, 1, bias: false));
        bn1 = Register("bn1", new BatchNorm2d(planes));
        relu = Register("relu", nn.ReLU(inplace: true));
        conv2 = Register("conv2", nn.Conv2d(planes, planes, 3, 1, 1, bias: false));
        bn2 = Register("bn2", new BatchNorm2d(planes));
        RegisterTail(attention, inplanes, planes * Expansion, stride);
    }

    public override Tensor forward(Tensor input)
    {
        using var c1 = conv1.call(input);
        using var h1 = relu.CallAndRelease(bn1.call(c1));
        using var c2 = conv2.call(h1);
        using var branch = bn2.call(c2);
        return Merge(branch, input, relu);
    }

    public override GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var h1 = graph.Call(relu, graph.Call(bn1, graph.Call(conv1, input)));
        return MergeGraph(graph, graph.Call(bn2, graph.Call(conv2, h1)), input, relu);
    }
}

/// <summary>1×1 reduce, 3×3 (carries the stride: torchvision's v1.5), 1×1 expand ×4 (ResNet-50/101/152).</summary>
file sealed class Bottleneck : ResidualBlock
{
    public const int Expansion = 4;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly ReLU relu;

    public Bottleneck(long inplanes, long planes, long stride, BlockAttention? attention)
    {
        conv1 = Register("conv1", nn.Conv2d(inplanes, planes, 1, bias: false));
        bn1 = Register("bn1", new BatchNorm2d(planes));
        conv2 = Register("conv2", nn.Conv2d(planes, planes, 3, stride, 1, bias: false));
        bn2 = Register("bn2", new BatchNorm2d(planes));
        conv3 = Register("conv3", nn.Conv2d(planes, planes * Expansion, 1, bias: false));
        bn3 = Register("bn3", new BatchNorm2d(planes * Expansion));
        relu = Register("relu", nn.ReLU(inplace: true));
        RegisterTail(attention, inplanes, planes * Expansion, stride);
    }

    public override Tensor forward(Tensor input)
    {
        using var c1 = conv1.call(input);
        using var h1 = relu.CallAndRelease(bn1.call(c1));
        using var c2 = conv2.call(h1);
        using var h2 = relu.CallAndRelease(bn2.call(c2));
        using var c3 = conv3.call(h2);
        using var branch = bn3.call(c3);
        return Merge(branch, input, relu);
    }

    public override GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var h1 = graph.Call(relu, graph.Call(bn1, graph.Call(conv1, input)));
        var h2 = graph.Call(relu, graph.Call(bn2, graph.Call(conv2, h1)));
        return MergeGraph(graph, graph.Call(bn3, graph.Call(conv3, h2)), input, relu);
    }
}

/// <summary>
/// ResNet (He et al., arXiv:1512.03385) in torchvision's layout — conv1, bn1, relu, maxpool, layer1..layer4,
/// avgpool, fc — with an optional attention module in every residual block (<see cref="BlockAttention"/>).
/// Without attention its parameters and state-dict keys are torchvision's resnet18/34/50/101/152.
/// </summary>
public sealed class ResNet : ClassificationModel, IGraphExportable
{
    private enum Block { Basic, Bottleneck }

    // He et al., Table 1: the block of each depth and how many the stages stack.
    private static readonly Dictionary<int, (Block block, int[] blocks)> Table1 = new()
    {
        //      block              conv2_x, conv3_x, conv4_x, conv5_x
        [18] = (Block.Basic,      [2, 2, 2, 2]),
        [34] = (Block.Basic,      [3, 4, 6, 3]),
        [50] = (Block.Bottleneck, [3, 4, 6, 3]),
        [101] = (Block.Bottleneck, [3, 4, 23, 3]),
        [152] = (Block.Bottleneck, [3, 8, 36, 3]),
    };

    // Table 1's stage widths (a bottleneck's output is 4× this) and strides, conv2_x … conv5_x.
    private static readonly (long planes, long stride)[] Stages = [(64, 1), (128, 2), (256, 2), (512, 2)];

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly nn.Module<Tensor, Tensor> maxpool;
    private readonly Sequential[] layers;
    private readonly AdaptiveAvgPool2d avgpool;
    private Linear fc;
    private readonly double dropout;

    /// <summary>
    /// Builds the ResNet of <paramref name="depth"/> layers (18, 34, 50, 101 or 152) with
    /// <paramref name="attention"/> in every block (null: plain ResNet). Dropout before fc defaults to 0.
    /// </summary>
    public ResNet(ModelOptions options, int depth, BlockAttention? attention = null) : base(options)
    {
        if (!Table1.TryGetValue(depth, out var row))
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"ResNet depth must be one of {string.Join(", ", Table1.Keys)}");
        Depth = depth;
        dropout = options.Dropout ?? 0;
        var expansion = row.block == Block.Basic ? BasicBlock.Expansion : Bottleneck.Expansion;
        var small = options.UsesSmallInput;

        conv1 = Register("conv1", nn.Conv2d(options.InChannels, 64, 7, small ? 1 : 2, 3, bias: false));
        bn1 = Register("bn1", new BatchNorm2d(64));
        relu = Register("relu", nn.ReLU(inplace: true));
        maxpool = Register<nn.Module<Tensor, Tensor>>("maxpool", small ? nn.Identity() : nn.MaxPool2d(3, 2, 1));

        long inplanes = 64;
        layers = new Sequential[Stages.Length];
        for (var s = 0; s < Stages.Length; s++)
        {
            var (planes, stride) = Stages[s];
            var stage = new Sequential(Array.Empty<nn.Module<Tensor, Tensor>>());
            for (var b = 0; b < row.blocks[s]; b++)
            {
                stage.Append(row.block == Block.Basic
                    ? new BasicBlock(inplanes, planes, b == 0 ? stride : 1, attention)
                    : new Bottleneck(inplanes, planes, b == 0 ? stride : 1, attention));
                inplanes = planes * expansion;
            }
            layers[s] = Register($"layer{s + 1}", stage);
        }

        NumFeatures = (int)inplanes;
        avgpool = Register("avgpool", nn.AdaptiveAvgPool2d(1));
        fc = Register("fc", nn.Linear(NumFeatures, options.NumClasses));
        InitializeWeights();
    }

    /// <summary>Number of weighted layers (Table 1's column).</summary>
    public int Depth { get; }

    /// <inheritdoc />
    public override int NumFeatures { get; }

    /// <inheritdoc />
    public override Tensor ForwardFeatures(Tensor input)
    {
        using var c1 = conv1.call(input);
        using var stem = relu.CallAndRelease(bn1.call(c1));
        var x = maxpool.call(stem);
        foreach (var layer in layers)
        {
            using var previous = x;
            x = layer.call(previous);
        }
        return x;
    }

    /// <inheritdoc />
    public override Tensor ForwardHead(Tensor features)
    {
        using var pooled = avgpool.call(features);
        using var flat = pooled.flatten(1);
        using var dropped = F.dropout(flat, dropout, training);
        return fc.call(dropped);
    }

    /// <inheritdoc />
    /// <remarks>The functional dropout before fc is the identity in eval mode and is left out.</remarks>
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var x = graph.Call(maxpool, graph.Call(relu, graph.Call(bn1, graph.Call(conv1, input))));
        x = layers.Aggregate(x, (current, layer) => graph.Call(layer, current));
        return graph.Call(fc, graph.Flatten(graph.Call(avgpool, x)));
    }

    /// <inheritdoc />
    public override void ResetClassifier(int numClasses)
    {
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "a classifier needs at least 1 class");
        fc = Replace("fc", nn.Linear(NumFeatures, numClasses).MatchedTo(fc, fc.weight));
        NumClasses = numClasses;
    }

    /// <inheritdoc />
    /// <remarks>
    /// torchvision's resnet.py loop: kaiming_normal_(fan_out, relu) for every conv, BN weight 1 and bias 0;
    /// fc keeps nn.Linear's default. Only attention convs (SE) have biases; they start at 0, as in
    /// torchvision's SE-carrying models (MobileNetV3, EfficientNet).
    /// </remarks>
    public override void InitializeWeights()
    {
        foreach (var (_, module) in named_modules())
            switch (module)
            {
                case Conv2d conv:
                    Init.kaiming_normal_(conv.weight, mode: Init.FanInOut.FanOut, nonlinearity: Init.NonlinearityType.ReLU);
                    if (conv.bias is not null) Init.zeros_(conv.bias);
                    break;
                case BatchNorm2d bn:
                    Init.ones_(bn.weight);
                    Init.zeros_(bn.bias);
                    break;
                case Linear linear:
                    linear.ResetParameters();
                    break;
            }
    }
}
