// SqueezeNet — Iandola, Han, Moskewicz, Ashraf, Dally, Keutzer, "SqueezeNet: AlexNet-level accuracy with 50x
// fewer parameters and <0.5MB model size", arXiv:1602.07360. Variant table: the paper's Table 1 (v1.0) and
// Figure 2 (simple and complex bypass); v1.1 from the SqueezeNet repository's v1.1 release as torchvision 0.14
// builds it.
//
// squeezenet1_0 / squeezenet1_1 are torchvision's models module for module: features.N (conv, ReLU, 3×3/2
// max-pools with ceil_mode, Fire modules with squeeze / expand1x1 / expand3x3), classifier.{0 dropout 0.5,
// 1 final 1×1 conv to the classes, 2 ReLU, 3 adaptive average pool}, so their state dicts load as they are.
// The bypass variants keep that numbering: a simple bypass adds a Fire module's input to its output where
// input and output channels agree (fire3, fire5, fire7, fire9), and the complex bypass also puts a 1×1 conv
// with bias, registered as features.N.bypass, around the others (fire2, fire4, fire6, fire8). The sum is
// the next module's input with no further ReLU (§6: "the input to Fire4 is equal to (output of Fire2 +
// output of Fire3)"). torchvision's init loop covers the bypass convs too; without batch norm the sums
// make the initial logits of the bypass variants large (loss ≈ 5 and ≈ 27 at 42 classes), so they want
// a smaller first learning rate than plain SqueezeNet.
//
// Small-input mode (28–32 px): conv1 has stride 1 and the max-pool after it becomes an identity (features.2
// stays in place, so state-dict names do not move); a 32 px input reaches fire9 at 6×6 (v1.0) or 7×7 (v1.1).
// Parameters are unchanged.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>
/// SqueezeNet (arXiv:1602.07360): Fire modules (1×1 squeeze, then 1×1 and 3×3 expand concatenated), late
/// downsampling, and a 1×1 convolution classifier with global average pooling instead of fully-connected layers.
/// </summary>
public sealed class SqueezeNet : ClassificationModel, IGraphExportable
{
    // The shortcuts of the paper's macro-architecture comparison (§6): none; identity around the Fire modules
    // whose input and output channels agree; that plus 1×1 convolutions around the others.
    private enum Bypass { None, Simple, Complex }

    /// <summary>Fire module (§3.2): squeeze → ReLU → cat(expand1x1 → ReLU, expand3x3 → ReLU), plus an optional shortcut.</summary>
    private sealed class Fire : ZooModule, IGraphExportable
    {
        private readonly Conv2d squeeze;
        private readonly ReLU squeezeActivation;
        private readonly Conv2d expand1x1;
        private readonly ReLU expand1x1Activation;
        private readonly Conv2d expand3x3;
        private readonly ReLU expand3x3Activation;
        private readonly bool identityBypass;
        private readonly Conv2d? bypass;

        public Fire(int inChannels, int squeezeChannels, int expand1x1Channels, int expand3x3Channels, Bypass shortcut)
        {
            squeeze = Register("squeeze", nn.Conv2d(inChannels, squeezeChannels, 1));
            squeezeActivation = Register("squeeze_activation", nn.ReLU(inplace: true));
            expand1x1 = Register("expand1x1", nn.Conv2d(squeezeChannels, expand1x1Channels, 1));
            expand1x1Activation = Register("expand1x1_activation", nn.ReLU(inplace: true));
            expand3x3 = Register("expand3x3", nn.Conv2d(squeezeChannels, expand3x3Channels, 3, padding: 1));
            expand3x3Activation = Register("expand3x3_activation", nn.ReLU(inplace: true));
            var outChannels = expand1x1Channels + expand3x3Channels;
            identityBypass = shortcut != Bypass.None && inChannels == outChannels;
            if (shortcut == Bypass.Complex && inChannels != outChannels)
                bypass = Register("bypass", nn.Conv2d(inChannels, outChannels, 1));
        }

        public override Tensor forward(Tensor input)
        {
            using var squeezed = squeezeActivation.CallAndRelease(squeeze.call(input));
            using var wide = expand1x1Activation.CallAndRelease(expand1x1.call(squeezed));
            using var narrow = expand3x3Activation.CallAndRelease(expand3x3.call(squeezed));
            var output = cat([wide, narrow], 1);
            if (identityBypass) return output.add_(input);
            if (bypass is null) return output;
            using var projected = bypass.call(input);
            return output.add_(projected);
        }

        public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
        {
            var squeezed = graph.Call(squeezeActivation, graph.Call(squeeze, input));
            var output = graph.Concat(
                graph.Call(expand1x1Activation, graph.Call(expand1x1, squeezed)),
                graph.Call(expand3x3Activation, graph.Call(expand3x3, squeezed)));
            if (identityBypass) return graph.Add(output, input);
            return bypass is null ? output : graph.Add(output, graph.Call(bypass, input));
        }
    }

    // A Fire module: squeeze s1x1, expand e1x1, expand e3x3 (Table 1), and whether a 3×3/2 max-pool precedes it.
    private readonly record struct FireConfig(int S1x1, int E1x1, int E3x3, bool PoolBefore);

    // Stem conv1 (kernel, output channels) and the Fire modules fire2..fire9 of each version.
    private static readonly (int Kernel, int Channels, FireConfig[] Fires) Version1_0 = (7, 96,
    [
        //  s1x1, e1x1, e3x3, max-pool before
        new(16, 64, 64, false),    // fire2
        new(16, 64, 64, false),    // fire3
        new(32, 128, 128, false),  // fire4
        new(32, 128, 128, true),   // fire5
        new(48, 192, 192, false),  // fire6
        new(48, 192, 192, false),  // fire7
        new(64, 256, 256, false),  // fire8
        new(64, 256, 256, true),   // fire9
    ]);

    private static readonly (int Kernel, int Channels, FireConfig[] Fires) Version1_1 = (3, 64,
    [
        //  s1x1, e1x1, e3x3, max-pool before
        new(16, 64, 64, false),    // fire2
        new(16, 64, 64, false),    // fire3
        new(32, 128, 128, true),   // fire4
        new(32, 128, 128, false),  // fire5
        new(48, 192, 192, true),   // fire6
        new(48, 192, 192, false),  // fire7
        new(64, 256, 256, false),  // fire8
        new(64, 256, 256, false),  // fire9
    ]);

    private readonly Sequential features;
    private Sequential classifier;
    private readonly double dropout;

    private SqueezeNet((int Kernel, int Channels, FireConfig[] Fires) version, Bypass shortcut, ModelOptions options) : base(options)
    {
        var smallInput = options.UsesSmallInput;
        dropout = options.Dropout ?? 0.5;
        features = Register("features", new Sequential(
            nn.Conv2d(options.InChannels, version.Channels, version.Kernel, stride: smallInput ? 1 : 2),
            nn.ReLU(inplace: true),
            smallInput ? nn.Identity() : (nn.Module<Tensor, Tensor>)NewMaxPool()));
        var inChannels = version.Channels;
        foreach (var fire in version.Fires)
        {
            if (fire.PoolBefore) features.Append(NewMaxPool());
            features.Append(new Fire(inChannels, fire.S1x1, fire.E1x1, fire.E3x3, shortcut));
            inChannels = fire.E1x1 + fire.E3x3;
        }
        NumFeatures = inChannels;
        // Only the stem conv and the 3×3/2 ceil-mode pools shrink the map (Fire modules pad their 3×3). A pool
        // needs 2 px to give 1 and 2m to give m, and the stem conv (n - k) / s + 1, so working back from 1 px:
        var pools = version.Fires.Count(fire => fire.PoolBefore) + (smallInput ? 0 : 1);
        MinimumInputSize = ((1 << pools) - 1) * (smallInput ? 1 : 2) + version.Kernel;
        classifier = Register("classifier", NewClassifier(NumClasses));
        InitializeWeights();
    }

    private static MaxPool2d NewMaxPool() => nn.MaxPool2d(3, 2, ceil_mode: true);

    /// <inheritdoc />
    public override int NumFeatures { get; }

    /// <inheritdoc />
    public override int MinimumInputSize { get; }

    /// <inheritdoc />
    public override Tensor ForwardFeatures(Tensor input) => features.call(input);

    /// <inheritdoc />
    public override Tensor ForwardHead(Tensor features)
    {
        using var pooled = classifier.call(features);
        return pooled.flatten(1);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input) =>
        graph.Flatten(graph.Call(classifier, graph.Call(features, input)));

    /// <inheritdoc />
    public override void ResetClassifier(int numClasses)
    {
        classifier = Replace("classifier", NewClassifier(numClasses).MatchedTo(classifier, FinalConv.weight));
        InitializeFinalConv();
        NumClasses = numClasses;
    }

    private Sequential NewClassifier(int numClasses) => new(
        nn.Dropout(dropout),
        nn.Conv2d(NumFeatures, numClasses, 1),
        nn.ReLU(inplace: true),
        nn.AdaptiveAvgPool2d(1));

    private Conv2d FinalConv => (Conv2d)classifier[1];

    /// <summary>torchvision's loop: the final conv ~ N(0, 0.01), every other conv kaiming_uniform_ (fan-in, gain √2), biases 0.</summary>
    public override void InitializeWeights()
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in named_modules())
            if (module is Conv2d conv && !ReferenceEquals(conv, FinalConv))
            {
                Init.kaiming_uniform_(conv.weight);
                if (conv.bias is not null) Init.zeros_(conv.bias);
            }
        InitializeFinalConv();
    }

    private void InitializeFinalConv()
    {
        using var noGrad = no_grad();
        Init.normal_(FinalConv.weight, 0, 0.01);
        if (FinalConv.bias is not null) Init.zeros_(FinalConv.bias);
    }

    /// <summary>SqueezeNet 1.0 (torchvision <c>squeezenet1_0</c>).</summary>
    [RegisteredModel("squeezenet1_0", "SqueezeNet", Description = "SqueezeNet 1.0 (torchvision layout)")]
    public static ClassificationModel SqueezeNet1_0(ModelOptions options) => new SqueezeNet(Version1_0, Bypass.None, options);

    /// <summary>SqueezeNet 1.1 (torchvision <c>squeezenet1_1</c>): 3×3 stem, earlier pools, 2.4x fewer MACs.</summary>
    [RegisteredModel("squeezenet1_1", "SqueezeNet", Description = "SqueezeNet 1.1 (torchvision layout)")]
    public static ClassificationModel SqueezeNet1_1(ModelOptions options) => new SqueezeNet(Version1_1, Bypass.None, options);

    /// <summary>SqueezeNet 1.0 with simple bypass (identity shortcuts around fire3, fire5, fire7, fire9).</summary>
    [RegisteredModel("squeezenet1_0_simple_bypass", "SqueezeNet", Description = "SqueezeNet 1.0 with identity bypass around fire3/5/7/9")]
    public static ClassificationModel SqueezeNet1_0SimpleBypass(ModelOptions options) => new SqueezeNet(Version1_0, Bypass.Simple, options);

    /// <summary>SqueezeNet 1.0 with complex bypass (simple bypass plus 1×1 conv shortcuts around fire2, fire4, fire6, fire8).</summary>
    [RegisteredModel("squeezenet1_0_complex_bypass", "SqueezeNet", Description = "SqueezeNet 1.0 with identity bypass around fire3/5/7/9 and 1×1 conv bypass around fire2/4/6/8")]
    public static ClassificationModel SqueezeNet1_0ComplexBypass(ModelOptions options) => new SqueezeNet(Version1_0, Bypass.Complex, options);
}
