using ModelZoo.Zoo.Families;

namespace ModelZoo.Zoo.Tests;

public sealed class ShuffleNetV1Tests
{
    // name, parameters, conv+FC MMACs at 1000 classes and 3×224×224. Rows marked "table" are
    // shared/reference/architectures.md; the width-rule rows were counted on a PyTorch transcription of
    // megvii's network.py built with the rule's channels.
    public static TheoryData<string, long, double> Sizes => new()
    {
        { "shufflenet_v1_g1_x0_5", 533_484, 38.52 },     // width rule
        { "shufflenet_v1_g1_x1_0", 1_530_936, 143.1 },   // table
        { "shufflenet_v1_g1_x1_5", 2_992_032, 308.10 },  // width rule
        { "shufflenet_v1_g1_x2_0", 4_917_744, 550.33 },  // width rule
        { "shufflenet_v1_g2_x0_5", 677_520, 40.91 },     // width rule
        { "shufflenet_v1_g2_x1_0", 1_732_848, 140.8 },   // table
        { "shufflenet_v1_g2_x1_5", 3_341_000, 308.99 },  // width rule
        { "shufflenet_v1_g2_x2_0", 5_256_896, 539.14 },  // width rule
        { "shufflenet_v1_g3_x0_5", 717_324, 37.6 },      // table
        { "shufflenet_v1_g3_x1_0", 1_864_728, 137.5 },   // table
        { "shufflenet_v1_g3_x1_5", 3_441_168, 292.4 },   // table
        { "shufflenet_v1_g3_x2_0", 5_449_776, 524.0 },   // table
        { "shufflenet_v1_g4_x0_5", 834_984, 40.71 },     // width rule
        { "shufflenet_v1_g4_x1_0", 1_967_344, 134.3 },   // table
        { "shufflenet_v1_g4_x1_5", 3_678_712, 295.09 },  // width rule
        { "shufflenet_v1_g4_x2_0", 5_592_528, 510.29 },  // width rule
        { "shufflenet_v1_g8_x0_5", 1_010_448, 40.5 },    // table
        { "shufflenet_v1_g8_x1_0", 2_433_768, 138.4 },   // table
        { "shufflenet_v1_g8_x1_5", 4_268_952, 290.2 },   // table
        { "shufflenet_v1_g8_x2_0", 6_521_232, 521.9 },   // table
    };

    [Fact]
    public void RegistersEveryGroupAndWidth()
    {
        var expected = from g in new[] { 1, 2, 3, 4, 8 }
                       from w in new[] { "0_5", "1_0", "1_5", "2_0" }
                       select $"shufflenet_v1_g{g}_x{w}";
        Assert.Equal(expected.Order(), ModelRegistry.Default.List("shufflenet_v1_*").Select(e => e.Name));
        Assert.All(ModelRegistry.Default.List("shufflenet_v1_*"), e => Assert.Equal("ShuffleNetV1", e.Family));
    }

    [Theory]
    [InlineData(1, 1.0, new[] { 24, 144, 288, 576 })]
    [InlineData(2, 1.0, new[] { 24, 200, 400, 800 })]
    [InlineData(3, 1.0, new[] { 24, 240, 480, 960 })]
    [InlineData(4, 1.0, new[] { 24, 272, 544, 1088 })]
    [InlineData(8, 1.0, new[] { 24, 384, 768, 1536 })]
    [InlineData(3, 0.5, new[] { 12, 120, 240, 480 })]
    [InlineData(3, 1.5, new[] { 24, 360, 720, 1440 })]
    [InlineData(3, 2.0, new[] { 48, 480, 960, 1920 })]
    [InlineData(8, 0.5, new[] { 16, 192, 384, 768 })]
    [InlineData(8, 1.5, new[] { 24, 576, 1152, 2304 })]
    [InlineData(8, 2.0, new[] { 48, 768, 1536, 3072 })]
    public void PublishedChannelsAreUsedAndTheWidthRuleReproducesThem(int groups, double width, int[] channels)
    {
        Assert.Equal(channels, ShuffleNetV1.StageChannelsFor(groups, width));
        Assert.Equal(channels, ShuffleNetV1.ScaledStageChannels(groups, width));
    }

    [Theory]
    [InlineData(2, 0.5, new[] { 12, 104, 208, 416 })]  // 200 · 0.5 / 8 = 12.5 rounds up
    [InlineData(4, 0.5, new[] { 12, 144, 288, 576 })]  // 272 · 0.5 / 16 = 8.5 rounds up
    [InlineData(4, 1.5, new[] { 24, 416, 832, 1664 })]
    [InlineData(1, 2.0, new[] { 48, 288, 576, 1152 })]
    public void UnpublishedWidthsFollowTheRule(int groups, double width, int[] channels) =>
        Assert.Equal(channels, ShuffleNetV1.StageChannelsFor(groups, width));

    [Fact]
    public void RejectsUnknownGroupsAndWidths()
    {
        Assert.Throws<ArgumentException>(() => ShuffleNetV1.StageChannelsFor(5, 1.0));
        Assert.Throws<ArgumentException>(() => new ShuffleNetV1(3, 1.0, new ModelOptions { WidthMultiplier = 0.75 }));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ImageNetSizes(string name, long parameters, double mmacs) => ModelChecks.ImageNetSizes(name, parameters, mmacs);

    [Theory]
    [InlineData("shufflenet_v1_g3_x1_0")]
    [InlineData("shufflenet_v1_g8_x0_5")]
    public void StateDictHasMegviiKeysAndShapes(string name) =>
        ModelChecks.StateDictMatchesReference(name, $"megvii_{name}.txt");

    // Logits of megvii's layout (channel shuffle after the depthwise conv, reshape to (C/g, g)) in PyTorch.
    [Theory]
    [InlineData("shufflenet_v1_g3_x0_5", new[] { -0.157409f, 0.395953f, -0.625555f, 0.841032f, -1.03752f, 1.21057f, -1.35629f, 1.47138f, -1.55325f, 1.60004f })]
    [InlineData("shufflenet_v1_g8_x0_5", new[] { 0.628531f, -1.43011f, 2.01945f, -2.30909f, 2.25606f, -1.86821f, 1.20312f, -0.359472f, -0.537521f, 1.35474f })]
    public void LogitsMatchMegviiLayout(string name, float[] expected) => ModelChecks.LogitsMatchReference(name, expected);

    [Fact]
    public void SmallInputModeKeepsSpatialSize()
    {
        using var model = new ShuffleNetV1(3, 0.5, new ModelOptions { NumClasses = 10, InputSize = 32 });
        Assert.Equal([2L, 480, 4, 4], ModelChecks.FeatureMapShape(model));
        using var large = new ShuffleNetV1(3, 0.5, new ModelOptions { NumClasses = 10 });
        Assert.Equal([2L, 480, 7, 7], ModelChecks.FeatureMapShape(large));
    }
}
