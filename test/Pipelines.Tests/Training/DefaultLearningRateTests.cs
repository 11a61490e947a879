using ModelZoo.Pipelines.Training;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>Networks without batch norm get a gentler default learning rate; an explicit one is always kept.</summary>
public sealed class DefaultLearningRateTests
{
    private static ClassificationModel Create(string name) =>
        ModelRegistry.Default.Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });

    [Theory]
    [InlineData(OptimizerKind.AdamW, 3e-4)]
    [InlineData(OptimizerKind.Sgd, 0.015)]
    public void SqueezeNetWithoutBatchNormGetsTheLowerDefault(OptimizerKind optimizer, double expected)
    {
        using var squeezenet = Create("squeezenet1_1");
        using var mobilenet = Create("mobilenet_v3_small");
        var options = new TrainerOptions { Optimizer = optimizer };
        Assert.Equal(expected, options.EffectiveLearningRateFor(squeezenet), 12);
        Assert.Equal(options.EffectiveLearningRate, options.EffectiveLearningRateFor(mobilenet), 12);
    }

    [Fact]
    public void AnExplicitLearningRateIsNeverScaled()
    {
        using var squeezenet = Create("squeezenet1_1");
        var options = new TrainerOptions { Optimizer = OptimizerKind.AdamW, LearningRate = 2e-3 };
        Assert.Equal(2e-3, options.EffectiveLearningRateFor(squeezenet), 12);
    }

    [Fact]
    public void TheOptimizerStartsAtTheModelsRate()
    {
        using var squeezenet = Create("squeezenet1_1");
        using var optimizer = OptimizerFactory.Create(squeezenet, new TrainerOptions { Optimizer = OptimizerKind.AdamW });
        Assert.All(optimizer.ParamGroups, g => Assert.Equal(3e-4, g.LearningRate, 12));
    }
}
