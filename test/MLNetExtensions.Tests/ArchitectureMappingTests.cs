using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.Pipelines.Training;
using ModelZoo.Zoo;

namespace ModelZoo.MLNetExtensions.Tests;

public sealed class ArchitectureMappingTests
{
    private readonly ModelZooContext ctx = new(seed: 7, device: "cpu");

    [Theory]
    [InlineData(3, 1.0, "shufflenet_v1_g3_x1_0")]
    [InlineData(8, 0.5, "shufflenet_v1_g8_x0_5")]
    [InlineData(1, 2.0, "shufflenet_v1_g1_x2_0")]
    [InlineData(4, 1.5, "shufflenet_v1_g4_x1_5")]
    public void ShuffleNet_MapsGroupsAndWidth(int groups, double width, string expected)
    {
        Assert.Equal(expected, ctx.Transforms.ShuffleNet(groups: groups, width: width).Architecture);
        Assert.Equal(expected, ctx.Transforms.ShuffleNet(new ShuffleNetOptions { Groups = groups, Width = width }).Architecture);
    }

    [Theory]
    [InlineData("1_1", "squeezenet1_1")]
    [InlineData("1.1", "squeezenet1_1")]
    [InlineData("1_0", "squeezenet1_0")]
    [InlineData("1_0_complex_bypass", "squeezenet1_0_complex_bypass")]
    public void SqueezeNet_MapsTheVersion(string version, string expected)
    {
        Assert.Equal(expected, ctx.Transforms.SqueezeNet(version: version).Architecture);
        Assert.Equal(expected, ctx.Transforms.SqueezeNet(new SqueezeNetOptions { Version = version }).Architecture);
    }

    [Theory]
    [InlineData(3, "small", 1.0, "mobilenet_v3_small")]
    [InlineData(3, "Large", 1.0, "mobilenet_v3_large")]
    [InlineData(3, null, 1.0, "mobilenet_v3_large")]
    [InlineData(2, null, 1.0, "mobilenet_v2")]
    [InlineData(2, null, 0.5, "mobilenet_v2")]
    [InlineData(1, null, 0.5, "mobilenet_v1_x0_5")]
    [InlineData(1, null, 0.75, "mobilenet_v1_x0_75")]
    public void MobileNet_MapsVersionVariantAndWidth(int version, string? variant, double width, string expected)
    {
        Assert.Equal(expected, ctx.Transforms.MobileNet(version: version, variant: variant, width: width).Architecture);
        Assert.Equal(expected, ctx.Transforms.MobileNet(new MobileNetOptions { Version = version, Variant = variant, Width = width }).Architecture);
    }

    [Theory]
    [InlineData(18, "se_resnet18")]
    [InlineData(34, "se_resnet34")]
    [InlineData(50, "se_resnet50")]
    public void SENet_MapsTheDepth(int depth, string expected)
    {
        Assert.Equal(expected, ctx.Transforms.SENet(depth: depth).Architecture);
        Assert.Equal(expected, ctx.Transforms.SENet(new SENetOptions { Depth = depth }).Architecture);
    }

    [Fact]
    public void EveryAdvertisedShuffleNetCombinationIsInTheZoo()
    {
        foreach (var groups in new[] { 1, 2, 3, 4, 8 })
            foreach (var width in new[] { 0.5, 1.0, 1.5, 2.0 })
                Assert.True(ModelRegistry.Default.Contains(ctx.Transforms.ShuffleNet(groups, width).Architecture));
    }

    [Fact]
    public void PlainArguments_ReachTheTrainerOptions()
    {
        var options = ctx.Transforms.ShuffleNet(epochs: 4, batchSize: 32, learningRate: 0.02).TrainerOptions;
        Assert.Equal((4, 32, 0.02), (options.Epochs, options.BatchSize, options.LearningRate));
        Assert.Equal(7, options.Seed); // the context's
        Assert.Equal("cpu", options.Device);
    }

    [Fact]
    public void OptionsOverload_ReachesTheTrainerOptions()
    {
        var options = ctx.Transforms.SENet(new SENetOptions
        {
            Epochs = 2,
            BatchSize = 8,
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 3e-4,
            WeightDecay = 0.01,
            Schedule = ScheduleKind.OneCycle,
            LabelSmoothing = 0,
            CheckpointDirectory = "checkpoints",
            Seed = 42,
        }).TrainerOptions;
        Assert.Equal((2, 8, OptimizerKind.AdamW, 3e-4, 0.01), (options.Epochs, options.BatchSize, options.Optimizer, options.LearningRate, options.WeightDecay));
        Assert.Equal((ScheduleKind.OneCycle, 0.0, "checkpoints", 42), (options.Schedule, options.LabelSmoothing, options.CheckpointDirectory, options.Seed));
    }
}
