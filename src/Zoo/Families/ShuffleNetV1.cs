// ShuffleNetV1 — Zhang, Zhou, Lin, Sun, "ShuffleNet: An Extremely Efficient Convolutional Neural Network for
// Mobile Devices", arXiv:1707.01083. Variant table: the paper's Table 1 (1.0x, g = 1, 2, 3, 4, 8) and the
// megvii reference (ShuffleNet-Series, ShuffleNetV1/network.py + blocks.py) for g = 3 and g = 8 at 0.5x–2.0x.
//
// Layout and attribute names follow megvii's network.py so its checkpoints load key for key:
//   first_conv.{0 conv, 1 bn, 2 relu}, maxpool, features.N.branch_main_1.{0 pw, 1 bn, 2 relu, 3 dw, 4 bn},
//   features.N.branch_main_2.{0 pw-linear, 1 bn}, features.N.branch_proj (stride 2), globalpool, classifier.0
//   (Linear without bias). 1×1 group convolutions have no bias.
// Like megvii, the shuffle runs after the depthwise convolution rather than before it (the paper's Figure 2):
// a depthwise convolution acts per channel, so both orders compute the same function up to a permutation of
// its weights, and megvii's order is the one its weights were trained in. Megvii's shuffle reshapes to
// (C/g, g) before transposing, which is ChannelShuffle with C/g groups.
//
// Widths the paper and megvii do not list (g = 1, 2, 4 at 0.5x, 1.5x, 2.0x) follow one rule, which also
// reproduces every listed row: stage 2 = round(c₁ₓ · width / 4g) · 4g (nearest, halves up; c₁ₓ from Table 1),
// so the bottleneck (stage / 4) stays divisible by g; stages 3 and 4 double; the stem is megvii's
// 12/24/24/48 for 0.5x/1.0x/1.5x/2.0x rounded up to a multiple of g (so stage 2's concatenation leaves a
// main branch divisible by g).
//
// Small-input mode (28–32 px): the stem convolution has stride 1 and the stem max-pool is skipped, so a
// 32 px input reaches stage 4 at 4×4 instead of 1×1. Parameters are unchanged.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>
/// ShuffleNetV1 (arXiv:1707.01083): pointwise group convolutions with channel shuffle around a 3×3 depthwise
/// convolution; stride-2 units concatenate an average-pooled shortcut.
/// </summary>
public sealed class ShuffleNetV1 : ClassificationModel, IGraphExportable
{
    /// <summary>
    /// The ShuffleNet unit (Figure 2 b/c): 1×1 group conv → BN → ReLU → 3×3 depthwise conv → BN → shuffle →
    /// 1×1 group conv → BN; stride 1 adds the input and applies ReLU, stride 2 concatenates the 3×3/2
    /// average-pooled input with the ReLU of the main branch (megvii's order; the pooled input is the output
    /// of a ReLU, so this equals a ReLU after the concatenation).
    /// </summary>
    private sealed class ShuffleUnit : ZooModule, IGraphExportable
    {
        private readonly Sequential branchMain1;
        private readonly Sequential branchMain2;
        private readonly ChannelShuffle? shuffle;
        private readonly AvgPool2d? branchProj;

        public ShuffleUnit(int inChannels, int outChannels, int groups, bool firstGroup, int stride)
        {
            var mid = outChannels / 4;
            var mainOut = stride == 2 ? outChannels - inChannels : outChannels;
            branchMain1 = Register("branch_main_1", new Sequential(
                nn.Conv2d(inChannels, mid, 1, groups: firstGroup ? 1 : groups, bias: false),
                new BatchNorm2d(mid),
                nn.ReLU(inplace: true),
                nn.Conv2d(mid, mid, 3, stride, 1, groups: mid, bias: false),
                new BatchNorm2d(mid)));
            branchMain2 = Register("branch_main_2", new Sequential(
                nn.Conv2d(mid, mainOut, 1, groups: groups, bias: false),
                new BatchNorm2d(mainOut)));
            if (groups > 1) shuffle = Register("channel_shuffle", new ChannelShuffle(mid / groups));
            if (stride == 2) branchProj = Register("branch_proj", nn.AvgPool2d(3, 2, 1));
        }

        public override Tensor forward(Tensor input)
        {
            using var reduced = branchMain1.call(input);
            using var shuffled = shuffle is null ? reduced.alias() : shuffle.call(reduced);
            var main = branchMain2.call(shuffled);
            if (branchProj is null) return main.add_(input).relu_();
            using (main)
            {
                using var shortcut = branchProj.call(input);
                return cat([shortcut, main.relu_()], 1);
            }
        }

        public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
        {
            var reduced = graph.Call(branchMain1, input);
            var main = graph.Call(branchMain2, shuffle is null ? reduced : graph.Call(shuffle, reduced));
            if (branchProj is null) return graph.Relu(graph.Add(main, input));
            return graph.Concat(graph.Call(branchProj, input), graph.Relu(main));
        }
    }

    // Output channels at 1.0x (Table 1), by groups g.
    private static readonly Dictionary<int, int[]> StageChannels1x = new()
    {
        //      stem, stage2, stage3, stage4
        [1] = [24, 144, 288, 576],
        [2] = [24, 200, 400, 800],
        [3] = [24, 240, 480, 960],
        [4] = [24, 272, 544, 1088],
        [8] = [24, 384, 768, 1536],
    };

    // megvii's stage_out_channels for the widths it publishes.
    private static readonly Dictionary<(int Groups, double Width), int[]> StageChannelsMegvii = new()
    {
        //              stem, stage2, stage3, stage4
        [(3, 0.5)] = [12, 120, 240, 480],
        [(3, 1.5)] = [24, 360, 720, 1440],
        [(3, 2.0)] = [48, 480, 960, 1920],
        [(8, 0.5)] = [16, 192, 384, 768],
        [(8, 1.5)] = [24, 576, 1152, 2304],
        [(8, 2.0)] = [48, 768, 1536, 3072],
    };

    // Units per stage (stages 2, 3, 4); the first unit of each has stride 2.
    private static readonly int[] StageRepeats = [4, 8, 4];

    // megvii's stem width at 0.5x, 1.0x, 1.5x, 2.0x (before rounding up to a multiple of g).
    private static readonly Dictionary<double, int> StemByWidth = new() { [0.5] = 12, [1.0] = 24, [1.5] = 24, [2.0] = 48 };

    private readonly ConvBnAct firstConv;
    private readonly nn.Module<Tensor, Tensor> maxpool;
    private readonly Sequential features;
    private readonly AdaptiveAvgPool2d globalpool;
    private Sequential classifier;
    private readonly double dropout;

    /// <summary>Builds ShuffleNetV1 with <paramref name="groups"/> groups at <paramref name="width"/> (0.5, 1.0, 1.5 or 2.0).</summary>
    public ShuffleNetV1(int groups, double width, ModelOptions options) : base(options)
    {
        Groups = groups;
        Width = options.WidthMultiplier ?? width;
        var channels = StageChannelsFor(Groups, Width);
        var smallInput = options.UsesSmallInput;
        dropout = options.Dropout ?? 0.0; // megvii's classifier has no dropout

        firstConv = Register("first_conv", new ConvBnAct(options.InChannels, channels[0], 3, smallInput ? 1 : 2));
        maxpool = Register<nn.Module<Tensor, Tensor>>("maxpool", smallInput ? nn.Identity() : nn.MaxPool2d(3, 2, 1));
        var units = new List<nn.Module<Tensor, Tensor>>();
        var inChannels = channels[0];
        for (var stage = 0; stage < StageRepeats.Length; stage++)
            for (var i = 0; i < StageRepeats[stage]; i++)
            {
                units.Add(new ShuffleUnit(inChannels, channels[stage + 1], Groups, firstGroup: stage == 0 && i == 0, stride: i == 0 ? 2 : 1));
                inChannels = channels[stage + 1];
            }
        features = Register("features", new Sequential(units.ToArray()));
        NumFeatures = inChannels;
        globalpool = Register("globalpool", nn.AdaptiveAvgPool2d(1));
        classifier = Register("classifier", NewClassifier(NumClasses));
        InitializeWeights();
    }

    /// <summary>Groups g of the pointwise convolutions.</summary>
    public int Groups { get; }

    /// <summary>Width multiplier (0.5, 1.0, 1.5 or 2.0).</summary>
    public double Width { get; }

    /// <inheritdoc />
    public override int NumFeatures { get; }

    /// <summary>
    /// Output channels (stem, stage 2, stage 3, stage 4) for <paramref name="groups"/> and <paramref name="width"/>:
    /// the paper's or megvii's where they list them, otherwise <see cref="ScaledStageChannels"/>.
    /// </summary>
    public static IReadOnlyList<int> StageChannelsFor(int groups, double width)
    {
        if (!StageChannels1x.ContainsKey(groups))
            throw new ArgumentException($"ShuffleNetV1 takes 1, 2, 3, 4 or 8 groups, got {groups}", nameof(groups));
        if (!StemByWidth.ContainsKey(width))
            throw new ArgumentException($"ShuffleNetV1 comes in widths 0.5, 1.0, 1.5 and 2.0, got {width}", nameof(width));
        if (width == 1.0) return StageChannels1x[groups];
        return StageChannelsMegvii.TryGetValue((groups, width), out var listed) ? listed : ScaledStageChannels(groups, width);
    }

    /// <summary>The width rule of the file header: Table 1's 1.0x channels scaled and rounded to multiples of 4g.</summary>
    public static IReadOnlyList<int> ScaledStageChannels(int groups, double width)
    {
        var stage2 = (int)Math.Round(StageChannels1x[groups][1] * width / (4 * groups), MidpointRounding.AwayFromZero) * 4 * groups;
        var stem = (StemByWidth[width] + groups - 1) / groups * groups;
        return [stem, stage2, 2 * stage2, 4 * stage2];
    }

    /// <inheritdoc />
    public override Tensor ForwardFeatures(Tensor input)
    {
        using var stem = firstConv.call(input);
        using var pooled = maxpool.call(stem);
        return features.call(pooled);
    }

    /// <inheritdoc />
    public override Tensor ForwardHead(Tensor features)
    {
        using var pooled = globalpool.call(features);
        using var flat = pooled.flatten(1);
        if (dropout == 0) return classifier.call(flat);
        using var dropped = F.dropout(flat, dropout, training);
        return classifier.call(dropped);
    }

    /// <inheritdoc />
    /// <remarks>The functional dropout before the classifier is the identity in eval mode and is left out.</remarks>
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var stem = graph.Call(maxpool, graph.Call(firstConv, input));
        return graph.Call(classifier, graph.Flatten(graph.Call(globalpool, graph.Call(features, stem))));
    }

    /// <inheritdoc />
    public override void ResetClassifier(int numClasses)
    {
        classifier = Replace("classifier", NewClassifier(numClasses).MatchedTo(classifier, ((Linear)classifier[0]).weight));
        InitializeLinear((Linear)classifier[0]);
        NumClasses = numClasses;
    }

    private Sequential NewClassifier(int numClasses) => new(nn.Linear(NumFeatures, numClasses, hasBias: false));

    /// <summary>
    /// megvii's _initialize_weights: the stem conv ~ N(0, 0.01), every other conv ~ N(0, 1 / fan-in-per-group
    /// channels), BN weight 1 and bias 1e-4 with running mean 0, the classifier ~ N(0, 0.01).
    /// </summary>
    public override void InitializeWeights()
    {
        using var noGrad = no_grad();
        foreach (var (name, module) in named_modules())
            switch (module)
            {
                case Conv2d conv:
                    Init.normal_(conv.weight, 0, name.Contains("first", StringComparison.Ordinal) ? 0.01 : 1.0 / conv.weight.shape[1]);
                    if (conv.bias is not null) Init.zeros_(conv.bias);
                    break;
                case BatchNorm2d bn:
                    if (bn.weight is not null) Init.ones_(bn.weight);
                    if (bn.bias is not null) Init.constant_(bn.bias, 1e-4);
                    Init.zeros_(bn.running_mean);
                    break;
                case Linear linear:
                    InitializeLinear(linear);
                    break;
            }
    }

    private static void InitializeLinear(Linear linear)
    {
        using var noGrad = no_grad();
        Init.normal_(linear.weight, 0, 0.01);
        if (linear.bias is not null) Init.zeros_(linear.bias);
    }

    private static ClassificationModel Create(int groups, double width, ModelOptions options) => new ShuffleNetV1(groups, width, options);

    /// <summary>ShuffleNetV1 0.5x, 1 group (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g1_x0_5", "ShuffleNetV1", Description = "ShuffleNetV1 0.5x, 1 group (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G1X0_5(ModelOptions options) => Create(1, 0.5, options);

    /// <summary>ShuffleNetV1 1.0x, 1 group (Table 1).</summary>
    [RegisteredModel("shufflenet_v1_g1_x1_0", "ShuffleNetV1", Description = "ShuffleNetV1 1.0x, 1 group")]
    public static ClassificationModel ShuffleNetV1G1X1_0(ModelOptions options) => Create(1, 1.0, options);

    /// <summary>ShuffleNetV1 1.5x, 1 group (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g1_x1_5", "ShuffleNetV1", Description = "ShuffleNetV1 1.5x, 1 group (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G1X1_5(ModelOptions options) => Create(1, 1.5, options);

    /// <summary>ShuffleNetV1 2.0x, 1 group (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g1_x2_0", "ShuffleNetV1", Description = "ShuffleNetV1 2.0x, 1 group (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G1X2_0(ModelOptions options) => Create(1, 2.0, options);

    /// <summary>ShuffleNetV1 0.5x, 2 groups (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g2_x0_5", "ShuffleNetV1", Description = "ShuffleNetV1 0.5x, 2 groups (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G2X0_5(ModelOptions options) => Create(2, 0.5, options);

    /// <summary>ShuffleNetV1 1.0x, 2 groups (Table 1).</summary>
    [RegisteredModel("shufflenet_v1_g2_x1_0", "ShuffleNetV1", Description = "ShuffleNetV1 1.0x, 2 groups")]
    public static ClassificationModel ShuffleNetV1G2X1_0(ModelOptions options) => Create(2, 1.0, options);

    /// <summary>ShuffleNetV1 1.5x, 2 groups (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g2_x1_5", "ShuffleNetV1", Description = "ShuffleNetV1 1.5x, 2 groups (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G2X1_5(ModelOptions options) => Create(2, 1.5, options);

    /// <summary>ShuffleNetV1 2.0x, 2 groups (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g2_x2_0", "ShuffleNetV1", Description = "ShuffleNetV1 2.0x, 2 groups (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G2X2_0(ModelOptions options) => Create(2, 2.0, options);

    /// <summary>ShuffleNetV1 0.5x, 3 groups (megvii).</summary>
    [RegisteredModel("shufflenet_v1_g3_x0_5", "ShuffleNetV1", Description = "ShuffleNetV1 0.5x, 3 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G3X0_5(ModelOptions options) => Create(3, 0.5, options);

    /// <summary>ShuffleNetV1 1.0x, 3 groups (Table 1, megvii).</summary>
    [RegisteredModel("shufflenet_v1_g3_x1_0", "ShuffleNetV1", Description = "ShuffleNetV1 1.0x, 3 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G3X1_0(ModelOptions options) => Create(3, 1.0, options);

    /// <summary>ShuffleNetV1 1.5x, 3 groups (megvii).</summary>
    [RegisteredModel("shufflenet_v1_g3_x1_5", "ShuffleNetV1", Description = "ShuffleNetV1 1.5x, 3 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G3X1_5(ModelOptions options) => Create(3, 1.5, options);

    /// <summary>ShuffleNetV1 2.0x, 3 groups (megvii).</summary>
    [RegisteredModel("shufflenet_v1_g3_x2_0", "ShuffleNetV1", Description = "ShuffleNetV1 2.0x, 3 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G3X2_0(ModelOptions options) => Create(3, 2.0, options);

    /// <summary>ShuffleNetV1 0.5x, 4 groups (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g4_x0_5", "ShuffleNetV1", Description = "ShuffleNetV1 0.5x, 4 groups (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G4X0_5(ModelOptions options) => Create(4, 0.5, options);

    /// <summary>ShuffleNetV1 1.0x, 4 groups (Table 1).</summary>
    [RegisteredModel("shufflenet_v1_g4_x1_0", "ShuffleNetV1", Description = "ShuffleNetV1 1.0x, 4 groups")]
    public static ClassificationModel ShuffleNetV1G4X1_0(ModelOptions options) => Create(4, 1.0, options);

    /// <summary>ShuffleNetV1 1.5x, 4 groups (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g4_x1_5", "ShuffleNetV1", Description = "ShuffleNetV1 1.5x, 4 groups (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G4X1_5(ModelOptions options) => Create(4, 1.5, options);

    /// <summary>ShuffleNetV1 2.0x, 4 groups (channels by the width rule).</summary>
    [RegisteredModel("shufflenet_v1_g4_x2_0", "ShuffleNetV1", Description = "ShuffleNetV1 2.0x, 4 groups (width rule: stages rounded to multiples of 4g)")]
    public static ClassificationModel ShuffleNetV1G4X2_0(ModelOptions options) => Create(4, 2.0, options);

    /// <summary>ShuffleNetV1 0.5x, 8 groups (megvii).</summary>
    [RegisteredModel("shufflenet_v1_g8_x0_5", "ShuffleNetV1", Description = "ShuffleNetV1 0.5x, 8 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G8X0_5(ModelOptions options) => Create(8, 0.5, options);

    /// <summary>ShuffleNetV1 1.0x, 8 groups (Table 1, megvii).</summary>
    [RegisteredModel("shufflenet_v1_g8_x1_0", "ShuffleNetV1", Description = "ShuffleNetV1 1.0x, 8 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G8X1_0(ModelOptions options) => Create(8, 1.0, options);

    /// <summary>ShuffleNetV1 1.5x, 8 groups (megvii).</summary>
    [RegisteredModel("shufflenet_v1_g8_x1_5", "ShuffleNetV1", Description = "ShuffleNetV1 1.5x, 8 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G8X1_5(ModelOptions options) => Create(8, 1.5, options);

    /// <summary>ShuffleNetV1 2.0x, 8 groups (megvii).</summary>
    [RegisteredModel("shufflenet_v1_g8_x2_0", "ShuffleNetV1", Description = "ShuffleNetV1 2.0x, 8 groups (megvii)")]
    public static ClassificationModel ShuffleNetV1G8X2_0(ModelOptions options) => Create(8, 2.0, options);
}
