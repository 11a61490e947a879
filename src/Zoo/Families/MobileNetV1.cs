// MobileNetV1 — Howard, Zhu, Chen, Kalenichenko, Wang, Weyand, Andreetto, Adam, "MobileNets: Efficient
// Convolutional Neural Networks for Mobile Vision Applications", arXiv:1704.04861. Variant table: the paper's
// Table 1 (body architecture) with the width multiplier α of §3.3; the four α of Table 6 (1.0, 0.75, 0.5, 0.25).
//
// Layout (torchvision has no MobileNetV1; names follow its MobileNetV2 so the families read alike):
//   features.0        3×3/2 conv of 32α channels → BN → ReLU (ConvBnAct: .0 conv, .1 BN, .2 ReLU)
//   features.1–13     depthwise-separable blocks: .depthwise (3×3 depthwise conv → BN → ReLU) then .pointwise
//                     (1×1 conv → BN → ReLU), as the paper's Figure 3
//   classifier        .0 Dropout(0.001), .1 Linear(1024α, classes) with bias; global average pooling before it
// Channels are int(c × α) (every α here gives whole numbers); ModelOptions.WidthMultiplier, when set, replaces
// the variant's α. Convolutions have no bias, as each is followed by batch norm. The activation is the paper's
// ReLU (Figure 3); TF-slim and Keras use ReLU6, which has no parameters, so the counts (4,231,976 at α = 1:
// convs + BN scale/shift + FC weight and bias) are the same either way.
// Table 1 lists the last depthwise conv with stride 2 on a 7×7 input that stays 7×7; it is stride 1, as in
// every reference implementation. The dropout default, 0.001, is TF-slim's and Keras's (keep probability 0.999);
// the paper gives none. Initialisation: torchvision's MobileNet loop (see MobileNetInit).
//
// Small-input mode (28–32 px), like the common CIFAR-10 MobileNet (kuangliu/pytorch-cifar): the stem conv has
// stride 1; the four stride-2 depthwise convs stay, so a 32 px image reaches the last blocks at 2×2 (28 px: 2×2).
// Strides only: parameters do not change.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>
/// MobileNetV1 (arXiv:1704.04861): a 3×3 stem and 13 depthwise-separable convolutions (3×3 depthwise, 1×1
/// pointwise, each with batch norm and ReLU), scaled by the width multiplier α.
/// </summary>
public sealed class MobileNetV1 : ClassificationModel, IGraphExportable
{
    /// <summary>Depthwise-separable convolution (§3.1, Figure 3 right).</summary>
    private sealed class DepthwiseSeparable : ZooModule, IGraphExportable
    {
        private readonly ConvBnAct depthwise;
        private readonly ConvBnAct pointwise;

        public DepthwiseSeparable(int inChannels, int outChannels, int stride)
        {
            depthwise = Register("depthwise", new ConvBnAct(inChannels, inChannels, 3, stride, groups: inChannels));
            pointwise = Register("pointwise", new ConvBnAct(inChannels, outChannels, 1));
        }

        public override Tensor forward(Tensor input)
        {
            using var filtered = depthwise.call(input);
            return pointwise.call(filtered);
        }

        public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) => graph.Call(pointwise, graph.Call(depthwise, input));
    }

    // The paper's Table 1 after the stem, one row per "Conv dw / s" + "Conv / s1 1×1×in×out" pair.
    private static readonly (int S, int C)[] Blocks =
    [
        // s (depthwise stride), c (pointwise output channels)
        (1, 64),
        (2, 128),
        (1, 128),
        (2, 256),
        (1, 256),
        (2, 512),
        (1, 512), (1, 512), (1, 512), (1, 512), (1, 512),  // 5×
        (2, 1024),
        (1, 1024),  // printed "s2" in Table 1; the 7×7 input stays 7×7
    ];

    private const int StemChannels = 32;

    private readonly Sequential features;
    private readonly MobileNetClassifier classifier;

    private MobileNetV1(double alpha, ModelOptions options) : base(options)
    {
        var width = options.WidthMultiplier ?? alpha;

        var inChannels = Scale(StemChannels, width);
        features = Register("features", new Sequential(
            new ConvBnAct(options.InChannels, inChannels, 3, options.UsesSmallInput ? 1 : 2)));
        foreach (var (s, c) in Blocks)
        {
            var outChannels = Scale(c, width);
            features.Append(new DepthwiseSeparable(inChannels, outChannels, s));
            inChannels = outChannels;
        }
        NumFeatures = inChannels;
        classifier = Register("classifier", new MobileNetClassifier(NumFeatures, NumClasses, options.Dropout ?? 0.001));
        InitializeWeights();
    }

    // §3.3: "the number of input channels M becomes αM and the number of output channels N becomes αN".
    private static int Scale(int channels, double width) => Math.Max(1, (int)(channels * width));

    /// <inheritdoc />
    public override int NumFeatures { get; }

    /// <inheritdoc />
    public override Tensor ForwardFeatures(Tensor input) => features.call(input);

    /// <inheritdoc />
    public override Tensor ForwardHead(Tensor features) => classifier.call(features);

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) => graph.Call(classifier, graph.Call(features, input));

    /// <inheritdoc />
    public override void ResetClassifier(int numClasses)
    {
        classifier.Reset(numClasses);
        NumClasses = numClasses;
    }

    /// <summary>torchvision's MobileNet loop (the paper gives none): see <see cref="MobileNetInit.Apply"/>.</summary>
    public override void InitializeWeights() => MobileNetInit.Apply(this);

    /// <summary>MobileNetV1 1.0 (α = 1): 4.2 M parameters, 569 M MACs at 224 px.</summary>
    [RegisteredModel("mobilenet_v1_x1_0", "MobileNetV1", Description = "MobileNetV1, width multiplier 1.0")]
    public static ClassificationModel MobileNet_V1_x1_0(ModelOptions options) => new MobileNetV1(1.0, options);

    /// <summary>MobileNetV1 0.75 (α = 0.75): 2.6 M parameters, 325 M MACs at 224 px.</summary>
    [RegisteredModel("mobilenet_v1_x0_75", "MobileNetV1", Description = "MobileNetV1, width multiplier 0.75")]
    public static ClassificationModel MobileNet_V1_x0_75(ModelOptions options) => new MobileNetV1(0.75, options);

    /// <summary>MobileNetV1 0.5 (α = 0.5): 1.3 M parameters, 150 M MACs at 224 px.</summary>
    [RegisteredModel("mobilenet_v1_x0_5", "MobileNetV1", Description = "MobileNetV1, width multiplier 0.5")]
    public static ClassificationModel MobileNet_V1_x0_5(ModelOptions options) => new MobileNetV1(0.5, options);

    /// <summary>MobileNetV1 0.25 (α = 0.25): 0.47 M parameters, 41 M MACs at 224 px.</summary>
    [RegisteredModel("mobilenet_v1_x0_25", "MobileNetV1", Description = "MobileNetV1, width multiplier 0.25")]
    public static ClassificationModel MobileNet_V1_x0_25(ModelOptions options) => new MobileNetV1(0.25, options);
}
