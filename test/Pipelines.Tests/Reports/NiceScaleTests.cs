using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class NiceScaleTests
{
    [Fact]
    public void LinearTicksAreRoundNumbersCoveringTheData()
    {
        Assert.Equal([0.0, 1, 2, 3], NiceScale.Linear(0.13, 2.37).Ticks);
        Assert.Equal([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], NiceScale.Linear(0, 0.87).Ticks);
        Assert.Equal([40.0, 50, 60, 70, 80], NiceScale.Linear(43.5, 78.1).Ticks);
        Assert.Equal(1, NiceScale.Linear(0, 0.87).Decimals);
        Assert.Equal(0, NiceScale.Linear(43.5, 78.1).Decimals);
    }

    [Fact]
    public void IntegerStepsNeverGoBelowOne()
    {
        Assert.Equal([1.0, 2, 3], NiceScale.Linear(1, 3, integerSteps: true).Ticks);
        Assert.Equal([1.0, 1.5, 2, 2.5, 3], NiceScale.Linear(1, 3).Ticks);
    }

    [Fact]
    public void FlatDataStillGetsARange()
    {
        var scale = NiceScale.Linear(5, 5);

        Assert.True(scale.Min < 5 && scale.Max > 5);
        Assert.Equal(0.5, scale.Fraction(5), 12);
    }

    [Fact]
    public void LogTicksAreDecades()
    {
        var scale = NiceScale.Log10(3.5e8, 2.1e9);

        Assert.Equal([1e8, 1e9, 1e10], scale.Ticks);
        Assert.Equal(0.5, scale.Fraction(1e9), 12);
        Assert.Equal([1.0, 10], NiceScale.Log10(4, 4).Ticks);
    }
}
