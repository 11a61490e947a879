using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class RecommendationTests
{
    // The recommendation reads top-1, latency and parameters only; every model shares one set of metrics.
    private static readonly Microsoft.ML.Data.MulticlassClassificationMetrics Metrics = ReportFixture.Metrics(0, 0, 1, 1, 2, 2, 2, 2);

    private static ArchitectureResult Model(string name, double top1, double latencyMs, long parameters) => new()
    {
        Architecture = name,
        Top1 = top1,
        InferenceLatencyMs = latencyMs,
        Parameters = parameters,
        Metrics = Metrics,
    };

    private static ComparisonReport Report(params ArchitectureResult[] results) => new() { Title = "t", Results = results };

    [Fact]
    public void ThreeQuestionsThreeDifferentAnswers()
    {
        var report = Report(
            Model("resnet50", 0.90, 20, 25_557_032),
            Model("mobilenet_v3_small", 0.80, 2, 2_542_856),
            Model("efficientnet_b0", 0.895, 12, 5_288_548),
            Model("squeezenet1_1", 0.60, 1, 1_235_496));

        var recommendation = Recommendation.For(report);

        Assert.Equal("resnet50", recommendation.MostAccurate.Architecture);
        // Latencies 1, 2, 12, 20: the median is halfway between 2 and 12.
        Assert.Equal(7, recommendation.LatencyBudgetMs);
        Assert.True(recommendation.BudgetIsMedian);
        Assert.Equal("mobilenet_v3_small", recommendation.WithinBudget?.Architecture);
        // 89.5% is within one point of 90% with a fifth of the parameters; mobilenet_v3_small is smaller but ten points down.
        Assert.Equal("efficientnet_b0", recommendation.Smallest.Architecture);
        Assert.Equal(
            "resnet50 has the best top-1 accuracy (90.00%). " +
            "Within a latency budget of 7.00 ms (the median batch-1 latency of the compared models), the most accurate is mobilenet_v3_small (80.00% at 2.00 ms). " +
            "The smallest model within 1 percentage point of the best top-1 accuracy is efficientnet_b0 (5.29M parameters against 25.6M, 89.50%).",
            recommendation.Text);
    }

    [Fact]
    public void OneModelAnsweringAllThreeIsNamedOnce()
    {
        var report = Report(Model("resnet18", 0.70, 9, 11_689_512), Model("mobilenet_v2", 0.92, 1.5, 1_000_000), Model("vgg11", 0.85, 5, 132_863_336));

        var recommendation = Recommendation.For(report);

        Assert.Same(report.Results[1], recommendation.MostAccurate);
        Assert.Same(report.Results[1], recommendation.WithinBudget);
        Assert.Same(report.Results[1], recommendation.Smallest);
        Assert.Equal(
            "mobilenet_v2 has the best top-1 accuracy (92.00%). " +
            "It also meets a latency budget of 5.00 ms (the median batch-1 latency of the compared models), at 1.50 ms. " +
            "No model smaller than mobilenet_v2 comes within 1 percentage point of its top-1 accuracy.",
            recommendation.Text);
    }

    [Fact]
    public void TheFastAnswerCanAlsoBeTheSmallOne()
    {
        var report = Report(Model("resnet18", 0.81, 12, 11_689_512), Model("mobilenet_v2", 0.805, 2, 3_504_872), Model("vgg11", 0.60, 8, 132_863_336));

        var recommendation = Recommendation.For(report);

        Assert.Same(report.Results[1], recommendation.WithinBudget);
        Assert.Same(report.Results[1], recommendation.Smallest);
        Assert.Equal(
            "resnet18 has the best top-1 accuracy (81.00%). " +
            "Within a latency budget of 8.00 ms (the median batch-1 latency of the compared models), the most accurate is mobilenet_v2 (80.50% at 2.00 ms). " +
            "The smallest model within 1 percentage point of the best top-1 accuracy is mobilenet_v2 (3.50M parameters against 11.7M, 80.50%).",
            recommendation.Text);
    }

    [Fact]
    public void NothingUnderAGivenBudgetNamesTheFastest()
    {
        var report = Report(Model("resnet18", 0.81, 9, 11_689_512), Model("mobilenet_v2", 0.78, 2.25, 3_504_872), Model("vgg11", 0.60, 30, 132_863_336));

        var recommendation = Recommendation.For(report, latencyBudgetMs: 1);

        Assert.Null(recommendation.WithinBudget);
        Assert.False(recommendation.BudgetIsMedian);
        Assert.Equal(1, recommendation.LatencyBudgetMs);
        Assert.Equal(
            "resnet18 has the best top-1 accuracy (81.00%). " +
            "No model meets a latency budget of 1.00 ms; the fastest, mobilenet_v2, takes 2.25 ms. " +
            "No model smaller than resnet18 comes within 1 percentage point of its top-1 accuracy.",
            recommendation.Text);
    }

    [Fact]
    public void AGivenBudgetIsAnUpperBoundInclusive()
    {
        var report = Report(Model("resnet18", 0.81, 9, 11_689_512), Model("mobilenet_v2", 0.78, 2.25, 3_504_872), Model("vgg11", 0.79, 30, 132_863_336));

        Assert.Same(report.Results[1], Recommendation.For(report, latencyBudgetMs: 2.25).WithinBudget);
        Assert.Same(report.Results[0], Recommendation.For(report, latencyBudgetMs: 29).WithinBudget);
    }

    [Fact]
    public void ExactlyOnePointBelowTheBestCountsAsWithin()
    {
        // 0.13 - 0.01 is 0.12000000000000001 in floating point, a hair above 0.12.
        var report = Report(Model("big", 0.13, 3, 2_000_000), Model("small", 0.12, 3, 1_000_000), Model("smaller", 0.1199, 3, 500_000));

        Assert.Equal("small", Recommendation.For(report).Smallest.Architecture);
    }

    [Fact]
    public void EqualAccuracyUnderTheBudgetGoesToTheFaster()
    {
        var report = Report(Model("best", 0.9, 10, 9_000_000), Model("slow", 0.8, 4, 2_000_000), Model("quick", 0.8, 3, 3_000_000), Model("slowest", 0.5, 50, 1_000));

        Assert.Equal("quick", Recommendation.For(report).WithinBudget?.Architecture);
    }

    [Fact]
    public void UnmeasuredLatenciesMeetNoBudget()
    {
        var report = Report(Model("a", 0.9, 0, 2_000_000), Model("b", 0.8, double.NaN, 1_000_000));

        var recommendation = Recommendation.For(report);

        Assert.Null(recommendation.WithinBudget);
        Assert.True(double.IsNaN(recommendation.LatencyBudgetMs));
        Assert.Equal(
            "a has the best top-1 accuracy (90.00%). No latency was measured, so none can be recommended for a latency budget. " +
            "No model smaller than a comes within 1 percentage point of its top-1 accuracy.",
            recommendation.Text);
    }

    [Fact]
    public void FixtureReportRecommendsTheFastSqueezeNetUnderTheMedian()
    {
        var recommendation = Recommendation.For(ReportFixture.Create());

        // Latencies 2, 5 and 4 ms: the 4-ms budget admits squeezenet1_1 (50%) and weird_net (37.5%), not mobilenet_v2.
        Assert.Equal(("mobilenet_v2", 4.0, "squeezenet1_1", "mobilenet_v2"),
            (recommendation.MostAccurate.Architecture, recommendation.LatencyBudgetMs, recommendation.WithinBudget?.Architecture, recommendation.Smallest.Architecture));
    }
}
