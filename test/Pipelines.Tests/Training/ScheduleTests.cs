using ModelZoo.Pipelines.Training;

namespace ModelZoo.Pipelines.Tests.Training;

public sealed class ScheduleTests
{
    [Fact]
    public void CosineWarmsUpLinearlyThenAnnealsToTheMinimum()
    {
        // Seed 000's schedule: 0.05 -> 0.0005 with warm-up; 10 steps per epoch, 2 warm-up epochs, 10 epochs.
        var schedule = new LearningRateSchedule { Kind = ScheduleKind.Cosine, BaseLearningRate = 0.05, MinLearningRate = 0.0005, WarmupEpochs = 2 };
        Assert.Equal(0.05 / 20, schedule.At(0, 10, 100), 12);
        Assert.Equal(0.05 * 10 / 20, schedule.At(9, 10, 100), 12);
        Assert.Equal(0.05, schedule.At(20, 10, 100), 12);
        // Half-way through the annealing part: the mean of the two ends.
        Assert.Equal((0.05 + 0.0005) / 2, schedule.At(60, 10, 100), 12);
        Assert.Equal(0.0005, schedule.At(100, 10, 100), 12);
    }

    [Fact]
    public void StepDecaysByGammaEveryStepSizeEpochs()
    {
        var schedule = new LearningRateSchedule { Kind = ScheduleKind.Step, BaseLearningRate = 0.1, StepSize = 3, Gamma = 0.5 };
        Assert.Equal(0.1, schedule.At(29, 10, 100), 12);
        Assert.Equal(0.05, schedule.At(30, 10, 100), 12);
        Assert.Equal(0.025, schedule.At(60, 10, 100), 12);
    }

    [Fact]
    public void OneCyclePeaksAtThirtyPercentAndEndsFarBelowTheStart()
    {
        var schedule = new LearningRateSchedule { Kind = ScheduleKind.OneCycle, BaseLearningRate = 0.1 };
        Assert.Equal(0.1 / 25, schedule.At(0, 10, 100), 12);
        Assert.Equal(0.1, schedule.At(29, 10, 100), 12);
        Assert.Equal(0.1 / 25 / 1e4, schedule.At(99, 10, 100), 12);
    }
}
