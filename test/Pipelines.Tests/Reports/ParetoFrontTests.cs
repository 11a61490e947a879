using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class ParetoFrontTests
{
    private sealed record Point(string Name, double Cost, double Benefit);

    private static IEnumerable<string> Front(params Point[] points) => ParetoFront.Of(points, p => p.Cost, p => p.Benefit).Select(p => p.Name);

    [Fact]
    public void DominatedPointsAreLeftOutAndTheFrontIsOrderedByCost()
    {
        // b is beaten by a (cheaper, better); d by c (same benefit for more cost); e by c (worse and dearer).
        Assert.Equal(["a", "c", "f"], Front(new("f", 9, 0.9), new("b", 3, 0.4), new("a", 1, 0.5), new("d", 6, 0.7), new("c", 4, 0.7), new("e", 5, 0.6)));
    }

    [Fact]
    public void EqualCostKeepsOnlyTheBetterAndEqualBenefitOnlyTheCheaper()
    {
        Assert.Equal(["better"], Front(new("worse", 2, 0.5), new("better", 2, 0.6)));
        Assert.Equal(["cheaper"], Front(new("dearer", 3, 0.5), new("cheaper", 2, 0.5)));
    }

    [Fact]
    public void IdenticalPointsAreAllKeptInTheGivenOrder()
    {
        Assert.Equal(["first", "second", "top"], Front(new("first", 2, 0.5), new("second", 2, 0.5), new("top", 4, 0.8)));
    }

    [Fact]
    public void NonFinitePointsCannotBeComparedAndAreLeftOut()
    {
        // A NaN point would otherwise be dominated by nothing and dominate nothing, and so sit on every front.
        Assert.Equal(["b"], Front(new("nan", double.NaN, 0.9), new("b", 2, 0.5), new("inf", 1, double.PositiveInfinity)));
        Assert.Empty(Front());
    }

    [Fact]
    public void ReportFrontsLeaveOutUnmeasuredLatencies()
    {
        var report = ReportFixture.Create();
        // squeezenet1_1 (2 ms, 50%) beats weird_net (4 ms, 37.5%); weird_net has the fewest parameters.
        Assert.Equal(["squeezenet1_1", "mobilenet_v2"], ParetoFront.OfLatency(report).Select(r => r.Architecture));
        Assert.Equal(["weird_net", "squeezenet1_1", "mobilenet_v2"], ParetoFront.OfParameters(report).Select(r => r.Architecture));

        // An unmeasured latency of 0 ms is not the fastest: without it squeezenet1_1 leads the front alone.
        var unmeasured = report with { Results = [.. report.Results.Select(r => r.Architecture == "weird_net" ? r with { InferenceLatencyMs = 0 } : r)] };
        Assert.Equal(["squeezenet1_1", "mobilenet_v2"], ParetoFront.OfLatency(unmeasured).Select(r => r.Architecture));
        var faster = report with { Results = [.. report.Results.Select(r => r.Architecture == "weird_net" ? r with { InferenceLatencyMs = 1 } : r)] };
        Assert.Equal(["weird_net", "squeezenet1_1", "mobilenet_v2"], ParetoFront.OfLatency(faster).Select(r => r.Architecture));
    }
}
