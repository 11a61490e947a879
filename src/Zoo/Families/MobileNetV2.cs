// MobileNetV2 — Sandler, Howard, Zhu, Zhmoginov, Chen, "MobileNetV2: Inverted Residuals and Linear Bottlenecks",
// arXiv:1801.04381. Variant table: the paper's Table 2 (t, c, n, s), as torchvision 0.14 builds it
// (torchvision/models/mobilenetv2.py).
//
// mobilenet_v2 is torchvision's model module for module, so its state dicts load as they are:
//   features.0        3×3/2 stem, ConvBnAct with ReLU6 (Conv2dNormActivation: .0 conv, .1 BN, .2 ReLU6)
//   features.1–17     InvertedResidual, children under .conv: [1×1 expand ConvBnAct, when t ≠ 1], 3×3 depthwise
//                     ConvBnAct, 1×1 linear projection Conv2d, BatchNorm2d; identity shortcut when stride 1 and
//                     input and output channels agree
//   features.18       1×1 ConvBnAct (ReLU6) to the last channels (1280)
//   classifier        .0 Dropout(0.2), .1 Linear(1280, classes); global average pooling before it
// Channels are Channels.MakeDivisible(c × width, 8); the last channels MakeDivisible(1280 × max(1, width), 8).
//
// Small-input mode (28–32 px), like the common CIFAR-10 MobileNetV2 (kuangliu/pytorch-cifar): the stem conv and
// the first block of the second stage (t = 6, c = 24) have stride 1 instead of 2, so a 32 px image reaches the
// last stage at 4×4 instead of 1×1. Strides only: parameters and state-dict names do not change (that block has
// no shortcut either way, as its channels change).

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>
/// MobileNetV2 (arXiv:1801.04381): inverted residual blocks — 1×1 expansion, 3×3 depthwise convolution,
/// linear 1×1 projection — with shortcuts between the narrow bottlenecks.
/// </summary>
public sealed class MobileNetV2 : ClassificationModel, IGraphExportable
{
    /// <summary>Inverted residual with linear bottleneck (§3.3, Table 1), torchvision's InvertedResidual.</summary>
    private sealed class InvertedResidual : ZooModule, IGraphExportable
    {
        private readonly Sequential conv;
        private readonly bool residual;

        public InvertedResidual(int inChannels, int outChannels, int stride, int expandRatio)
        {
            var hidden = inChannels * expandRatio;
            var layers = new List<nn.Module<Tensor, Tensor>>();
            if (expandRatio != 1) layers.Add(new ConvBnAct(inChannels, hidden, 1, activation: Activation.ReLU6));
            layers.Add(new ConvBnAct(hidden, hidden, 3, stride, groups: hidden, activation: Activation.ReLU6));
            layers.Add(nn.Conv2d(hidden, outChannels, 1, bias: false));
            layers.Add(new BatchNorm2d(outChannels));
            conv = Register("conv", new Sequential(layers.ToArray()));
            residual = stride == 1 && inChannels == outChannels;
        }

        public override Tensor forward(Tensor input)
        {
            var output = conv.call(input);
            // In place on the fresh projection output; batch norm's backward does not need its output.
            return residual ? output.add_(input) : output;
        }

        public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
        {
            var output = graph.Call(conv, input);
            return residual ? graph.Add(output, input) : output;
        }
    }

    // The paper's Table 2: expansion factor t, output channels c, repeats n, stride s of the first repeat.
    private static readonly (int T, int C, int N, int S)[] Stages =
    [
        // t, c, n, s
        (1, 16, 1, 1),
        (6, 24, 2, 2),
        (6, 32, 3, 2),
        (6, 64, 4, 2),
        (6, 96, 3, 1),
        (6, 160, 3, 2),
        (6, 320, 1, 1),
    ];

    private const int StemChannels = 32;
    private const int LastChannels = 1280;
    private const int SmallInputStage = 1;

    private readonly Sequential features;
    private readonly MobileNetClassifier classifier;

    private MobileNetV2(ModelOptions options) : base(options)
    {
        var width = options.WidthMultiplier ?? 1.0;
        var smallInput = options.UsesSmallInput;

        var inChannels = Channels.MakeDivisible(StemChannels * width);
        features = Register("features", new Sequential(
            new ConvBnAct(options.InChannels, inChannels, 3, smallInput ? 1 : 2, activation: Activation.ReLU6)));
        for (var stage = 0; stage < Stages.Length; stage++)
        {
            var (t, c, n, s) = Stages[stage];
            var outChannels = Channels.MakeDivisible(c * width);
            var firstStride = smallInput && stage == SmallInputStage ? 1 : s;
            for (var i = 0; i < n; i++)
            {
                features.Append(new InvertedResidual(inChannels, outChannels, i == 0 ? firstStride : 1, t));
                inChannels = outChannels;
            }
        }
        NumFeatures = Channels.MakeDivisible(LastChannels * Math.Max(1.0, width));
        features.Append(new ConvBnAct(inChannels, NumFeatures, 1, activation: Activation.ReLU6));
        classifier = Register("classifier", new MobileNetClassifier(NumFeatures, NumClasses, options.Dropout ?? 0.2));
        InitializeWeights();
    }

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

    /// <summary>torchvision's loop (mobilenetv2.py): see <see cref="MobileNetInit.Apply"/>.</summary>
    public override void InitializeWeights() => MobileNetInit.Apply(this);

    /// <summary>MobileNetV2 (torchvision <c>mobilenet_v2</c>); <see cref="ModelOptions.WidthMultiplier"/> scales the channels (default 1.0).</summary>
    [RegisteredModel("mobilenet_v2", "MobileNetV2", Description = "MobileNetV2 1.0 (torchvision layout; WidthMultiplier scales it)")]
    public static ClassificationModel MobileNet_V2(ModelOptions options) => new MobileNetV2(options);
}
