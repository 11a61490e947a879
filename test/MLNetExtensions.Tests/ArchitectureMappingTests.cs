using Microsoft.ML;
using ModelZoo.Pipelines.Training;
using ModelZoo.Zoo;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>The family arguments choose the registry's architecture, the same on both catalogs and both overloads.</summary>
public sealed class ArchitectureMappingTests
{
    private readonly MLContext ml = new(seed: 7);
    private readonly ImageClassifierTrainer.Options options = new() { Architecture = "se_resnet50", WidthMultiplier = 3 };

    [Theory]
    [InlineData(3, 1.0, "shufflenet_v1_g3_x1_0")]
    [InlineData(8, 0.5, "shufflenet_v1_g8_x0_5")]
    [InlineData(1, 2.0, "shufflenet_v1_g1_x2_0")]
    [InlineData(4, 1.5, "shufflenet_v1_g4_x1_5")]
    public void ShuffleNet_maps_groups_and_width(int groups, double width, string expected)
    {
        AllTrain(expected, null,
            ml.MulticlassClassification.Trainers.ShuffleNet(groups: groups, width: width), ml.MulticlassClassification.Trainers.ShuffleNet(options, groups, width),
            ml.Transforms.ShuffleNet(groups: groups, width: width), ml.Transforms.ShuffleNet(options, groups, width));
    }

    [Theory]
    [InlineData("1_1", "squeezenet1_1")]
    [InlineData("1.1", "squeezenet1_1")]
    [InlineData("1_0", "squeezenet1_0")]
    [InlineData("1_0_complex_bypass", "squeezenet1_0_complex_bypass")]
    public void SqueezeNet_maps_the_version(string version, string expected)
    {
        AllTrain(expected, null,
            ml.MulticlassClassification.Trainers.SqueezeNet(version: version), ml.MulticlassClassification.Trainers.SqueezeNet(options, version),
            ml.Transforms.SqueezeNet(version: version), ml.Transforms.SqueezeNet(options, version));
    }

    [Theory]
    [InlineData(3, "small", 1.0, "mobilenet_v3_small", null)]
    [InlineData(3, "Large", 1.0, "mobilenet_v3_large", null)]
    [InlineData(3, null, 0.75, "mobilenet_v3_large", 0.75)]
    [InlineData(2, null, 1.0, "mobilenet_v2", null)]
    [InlineData(2, null, 0.5, "mobilenet_v2", 0.5)]
    [InlineData(1, null, 0.5, "mobilenet_v1_x0_5", null)]
    [InlineData(1, null, 0.75, "mobilenet_v1_x0_75", null)]
    public void MobileNet_maps_version_variant_and_width(int version, string? variant, double width, string expected, double? multiplier)
    {
        AllTrain(expected, multiplier,
            ml.MulticlassClassification.Trainers.MobileNet(version: version, variant: variant, width: width),
            ml.MulticlassClassification.Trainers.MobileNet(options, version, variant, width),
            ml.Transforms.MobileNet(version: version, variant: variant, width: width), ml.Transforms.MobileNet(options, version, variant, width));
    }

    [Theory]
    [InlineData(18, "se_resnet18")]
    [InlineData(34, "se_resnet34")]
    [InlineData(50, "se_resnet50")]
    public void SENet_maps_the_depth(int depth, string expected)
    {
        AllTrain(expected, null,
            ml.MulticlassClassification.Trainers.SENet(depth: depth), ml.MulticlassClassification.Trainers.SENet(options, depth),
            ml.Transforms.SENet(depth: depth), ml.Transforms.SENet(options, depth));
    }

    /// <summary>Each overload (plain and Options, on both catalogs) builds the architecture at the width multiplier.</summary>
    private static void AllTrain(string architecture, double? widthMultiplier, params ImageClassifierTrainer[] trainers) =>
        Assert.All(trainers, t => Assert.Equal((architecture, widthMultiplier), (t.Architecture, t.WidthMultiplier)));

    [Fact]
    public void Every_advertised_shufflenet_combination_is_in_the_zoo()
    {
        foreach (var groups in new[] { 1, 2, 3, 4, 8 })
            foreach (var width in new[] { 0.5, 1.0, 1.5, 2.0 })
                Assert.True(ModelRegistry.Default.Contains(ml.Transforms.ShuffleNet(groups: groups, width: width).Architecture));
    }

    [Fact]
    public void The_family_overloads_leave_the_callers_options_as_they_were()
    {
        ml.MulticlassClassification.Trainers.MobileNet(options, version: 3, variant: "small", width: 0.5);
        Assert.Equal(("se_resnet50", (double?)3), (options.Architecture, options.WidthMultiplier));
    }

    [Fact]
    public void Plain_arguments_reach_the_trainer_options()
    {
        var trainer = ml.MulticlassClassification.Trainers.ShuffleNet(epochs: 4, batchSize: 32, learningRate: 0.02);
        var engine = trainer.TrainerOptions;
        Assert.Equal((4, 32, (double?)0.02), (engine.Epochs, engine.BatchSize, engine.LearningRate));
        Assert.Equal(7, engine.Seed); // the MLContext's
        Assert.Equal("cpu", engine.Device); // no GpuDeviceId
    }

    [Fact]
    public void The_options_overload_reaches_the_trainer_options()
    {
        var engine = ml.Transforms.SENet(new ImageClassifierTrainer.Options
        {
            Epochs = 2,
            BatchSize = 8,
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 3e-4,
            WeightDecay = 0.01,
            Schedule = ScheduleKind.OneCycle,
            WarmupEpochs = 0.5,
            EmaDecay = 0.99,
            GradientClipNorm = 5,
            LabelSmoothing = 0,
            CheckpointDirectory = "checkpoints",
            KeepCheckpoints = 2,
            ValidationFraction = 0.2,
            EarlyStopping = new EarlyStopping { Metric = "loss", Patience = 2 },
            Threads = 1,
            Seed = 42,
        }).TrainerOptions;
        Assert.Equal((2, 8, OptimizerKind.AdamW, (double?)3e-4, (double?)0.01), (engine.Epochs, engine.BatchSize, engine.Optimizer, engine.LearningRate, engine.WeightDecay));
        Assert.Equal((ScheduleKind.OneCycle, 0.5, (double?)0.99, (double?)5.0, 0.0), (engine.Schedule, engine.WarmupEpochs, engine.EmaDecay, engine.GradientClipNorm, engine.LabelSmoothing));
        Assert.Equal(("checkpoints", 2, "loss", (int?)1, 42), (engine.CheckpointDirectory, engine.KeepCheckpoints, engine.EarlyStopping!.Metric, engine.Threads, engine.Seed));
    }
}
