// MobileNetV3 — Howard, Sandler, Chu, Chen, Chen, Tan, Wang, Zhu, Pang, Vasudevan, Le, Adam, "Searching for
// MobileNetV3", arXiv:1905.02244. Variant tables: the paper's Table 1 (MobileNetV3-Large) and Table 2
// (MobileNetV3-Small), as torchvision 0.14 builds them (torchvision/models/mobilenetv3.py).
//
// mobilenet_v3_large / mobilenet_v3_small are torchvision's models module for module, so its state dicts load
// as they are:
//   features.0        3×3/2 stem, ConvBnAct with hard swish (.0 conv, .1 BN, .2 Hardswish), 16 channels
//   features.1–N      bneck blocks, children under .block: [1×1 expand ConvBnAct, when exp ≠ in], k×k depthwise
//                     ConvBnAct, [SqueezeExcite with fc1/fc2, squeeze channels MakeDivisible(exp / 4, 8), hard
//                     sigmoid gate], 1×1 projection ConvBnAct without activation; identity shortcut when stride 1
//                     and input and output channels agree
//   features.N+1      1×1 ConvBnAct (hard swish) to 6 × the last block's channels (960 large, 576 small)
//   avgpool           global average pooling
//   classifier        .0 Linear(→ 1280 large / 1024 small), .1 Hardswish, .2 Dropout(0.2), .3 Linear(→ classes)
// Batch norms use eps 0.001 and momentum 0.01; "RE" is ReLU, "HS" hard swish. Channels are
// Channels.MakeDivisible(c × width, 8) with ModelOptions.WidthMultiplier (default 1.0), the classifier's hidden
// width too. ResetClassifier replaces only classifier.3, so the hidden layer (the paper's last 1×1 conv, NBN)
// keeps its weights when fine-tuning, as timm's reset_classifier does.
//
// Small-input mode (28–32 px): the stem conv and the first stride-2 bneck (large: 16 → 24; small: the 16-channel
// SE block) have stride 1, so a 32 px image reaches the last stage at 4×4 instead of 1×1. Strides only:
// parameters and state-dict names do not change. Shortcuts follow the strides in force, as torchvision's rule
// does, so mobilenet_v3_small's first block (16 → 16) gains an identity shortcut in this mode.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>
/// MobileNetV3 (arXiv:1905.02244): MobileNetV2's inverted residuals with squeeze-and-excitation and hard-swish
/// activations, found by platform-aware architecture search, and a lighter last stage.
/// </summary>
public sealed class MobileNetV3 : ClassificationModel, IGraphExportable
{
    // One bneck row of Table 1 / 2: kernel, expansion size, output channels, squeeze-excite, activation, stride.
    private readonly record struct Bneck(int K, int Exp, int C, bool SE, Activation Act, int S);

    /// <summary>The bneck block (§5.3, Figure 4): MobileNetV2's inverted residual with optional squeeze-excite.</summary>
    private sealed class InvertedResidual : ZooModule, IGraphExportable
    {
        private readonly Sequential block;
        private readonly bool residual;

        public InvertedResidual(int inChannels, int expanded, int outChannels, Bneck config, int stride)
        {
            var layers = new List<nn.Module<Tensor, Tensor>>();
            if (expanded != inChannels) layers.Add(NewConv(inChannels, expanded, 1, 1, 1, config.Act));
            layers.Add(NewConv(expanded, expanded, config.K, stride, expanded, config.Act));
            if (config.SE) layers.Add(new SqueezeExcite(expanded, Channels.MakeDivisible(expanded / 4), GateActivation.Hardsigmoid));
            layers.Add(NewConv(expanded, outChannels, 1, 1, 1, Activation.None));
            block = Register("block", new Sequential(layers.ToArray()));
            residual = stride == 1 && inChannels == outChannels;
        }

        public override Tensor forward(Tensor input)
        {
            var output = block.call(input);
            // In place on the fresh projection output, as torchvision's "result += input".
            return residual ? output.add_(input) : output;
        }

        public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
        {
            var output = graph.Call(block, input);
            return residual ? graph.Add(output, input) : output;
        }
    }

    /// <summary>torchvision's classifier Sequential, whose last Linear can be swapped on its own.</summary>
    private sealed class Classifier : ZooModule, IGraphExportable
    {
        private readonly Linear hidden;
        private readonly Hardswish activation;
        private readonly Dropout dropout;

        public Classifier(int inFeatures, int hiddenFeatures, double dropout, int numClasses)
        {
            hidden = Register("0", nn.Linear(inFeatures, hiddenFeatures));
            activation = Register("1", nn.Hardswish(inplace: true));
            this.dropout = Register("2", nn.Dropout(dropout));
            Logits = Register("3", nn.Linear(hiddenFeatures, numClasses));
        }

        public Linear Logits { get; private set; }

        public void ResetLogits(int numClasses) =>
            Logits = Replace("3", MobileNetInit.FreshLinear(Logits, numClasses));

        public override Tensor forward(Tensor input)
        {
            using var features = activation.CallAndRelease(hidden.call(input));
            using var dropped = dropout.call(features);
            return Logits.call(dropped);
        }

        public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) =>
            graph.Call(Logits, graph.Call(dropout, graph.Call(activation, graph.Call(hidden, input))));
    }

    private const Activation RE = Activation.ReLU;
    private const Activation HS = Activation.Hardswish;
    private const int StemChannels = 16;

    // The paper's Table 1 (MobileNetV3-Large), torchvision's bneck_conf rows; classifier hidden width 1280.
    private static readonly Bneck[] Large =
    [
        // k, exp, c, se, act, s
        new(3, 16, 16, false, RE, 1),
        new(3, 64, 24, false, RE, 2),
        new(3, 72, 24, false, RE, 1),
        new(5, 72, 40, true, RE, 2),
        new(5, 120, 40, true, RE, 1),
        new(5, 120, 40, true, RE, 1),
        new(3, 240, 80, false, HS, 2),
        new(3, 200, 80, false, HS, 1),
        new(3, 184, 80, false, HS, 1),
        new(3, 184, 80, false, HS, 1),
        new(3, 480, 112, true, HS, 1),
        new(3, 672, 112, true, HS, 1),
        new(5, 672, 160, true, HS, 2),
        new(5, 960, 160, true, HS, 1),
        new(5, 960, 160, true, HS, 1),
    ];

    // The paper's Table 2 (MobileNetV3-Small); classifier hidden width 1024.
    private static readonly Bneck[] Small =
    [
        // k, exp, c, se, act, s
        new(3, 16, 16, true, RE, 2),
        new(3, 72, 24, false, RE, 2),
        new(3, 88, 24, false, RE, 1),
        new(5, 96, 40, true, HS, 2),
        new(5, 240, 40, true, HS, 1),
        new(5, 240, 40, true, HS, 1),
        new(5, 120, 48, true, HS, 1),
        new(5, 144, 48, true, HS, 1),
        new(5, 288, 96, true, HS, 2),
        new(5, 576, 96, true, HS, 1),
        new(5, 576, 96, true, HS, 1),
    ];

    private readonly Sequential features;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Classifier classifier;

    private MobileNetV3(Bneck[] table, int lastChannels, ModelOptions options) : base(options)
    {
        var width = options.WidthMultiplier ?? 1.0;
        var smallInput = options.UsesSmallInput;
        var firstStrided = Array.FindIndex(table, b => b.S == 2);

        var inChannels = Channels.MakeDivisible(StemChannels * width);
        features = Register("features", new Sequential(
            NewConv(options.InChannels, inChannels, 3, smallInput ? 1 : 2, 1, HS)));
        for (var i = 0; i < table.Length; i++)
        {
            var config = table[i];
            var outChannels = Channels.MakeDivisible(config.C * width);
            var stride = smallInput && i == firstStrided ? 1 : config.S;
            features.Append(new InvertedResidual(inChannels, Channels.MakeDivisible(config.Exp * width), outChannels, config, stride));
            inChannels = outChannels;
        }
        NumFeatures = 6 * inChannels;
        features.Append(NewConv(inChannels, NumFeatures, 1, 1, 1, HS));
        avgpool = Register("avgpool", nn.AdaptiveAvgPool2d(1));
        classifier = Register("classifier", new Classifier(
            NumFeatures, Channels.MakeDivisible(lastChannels * width), options.Dropout ?? 0.2, NumClasses));
        InitializeWeights();
    }

    // torchvision's norm_layer for MobileNetV3: BatchNorm2d(eps=0.001, momentum=0.01).
    private static ConvBnAct NewConv(int inChannels, int outChannels, int kernel, int stride, int groups, Activation act) =>
        new(inChannels, outChannels, kernel, stride, groups, act, bnEps: 0.001, bnMomentum: 0.01);

    /// <inheritdoc />
    public override int NumFeatures { get; }

    /// <inheritdoc />
    public override Tensor ForwardFeatures(Tensor input) => features.call(input);

    /// <inheritdoc />
    public override Tensor ForwardHead(Tensor features)
    {
        using var pooled = avgpool.call(features);
        using var flat = pooled.flatten(1);
        return classifier.call(flat);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) =>
        graph.Call(classifier, graph.Flatten(graph.Call(avgpool, graph.Call(features, input))));

    /// <inheritdoc />
    public override void ResetClassifier(int numClasses)
    {
        classifier.ResetLogits(numClasses);
        NumClasses = numClasses;
    }

    /// <summary>torchvision's loop (mobilenetv3.py): see <see cref="MobileNetInit.Apply"/>.</summary>
    public override void InitializeWeights() => MobileNetInit.Apply(this);

    /// <summary>MobileNetV3-Large (torchvision <c>mobilenet_v3_large</c>): 5.5 M parameters, 217 M MACs at 224 px.</summary>
    [RegisteredModel("mobilenet_v3_large", "MobileNetV3", Description = "MobileNetV3-Large 1.0 (torchvision layout)")]
    public static ClassificationModel MobileNet_V3_Large(ModelOptions options) => new MobileNetV3(Large, 1280, options);

    /// <summary>MobileNetV3-Small (torchvision <c>mobilenet_v3_small</c>): 2.5 M parameters, 57 M MACs at 224 px.</summary>
    [RegisteredModel("mobilenet_v3_small", "MobileNetV3", Description = "MobileNetV3-Small 1.0 (torchvision layout)")]
    public static ClassificationModel MobileNet_V3_Small(ModelOptions options) => new MobileNetV3(Small, 1024, options);
}
