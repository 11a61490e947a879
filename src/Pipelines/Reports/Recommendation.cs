namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The report's answer to "which should I pick?", computed from its numbers: the most accurate architecture, the most
/// accurate one that fits a latency budget, and the smallest one that gives up at most <see cref="AccuracyTolerance"/>
/// of top-1. Three answers, because the right pick depends on what the model will run on; when they name the same
/// architecture the paragraph says so instead of repeating it.
/// </summary>
/// <param name="MostAccurate">The highest top-1 (the report's <see cref="ComparisonReport.Best"/>).</param>
/// <param name="LatencyBudgetMs">The batch-1 latency the second answer must meet; NaN when no latency was measured.</param>
/// <param name="BudgetIsMedian">Whether the budget is the median latency of the compared models rather than one given.</param>
/// <param name="WithinBudget">The highest top-1 among the architectures at or under the budget, or null when none is.</param>
/// <param name="Smallest">The fewest parameters among the architectures within <see cref="AccuracyTolerance"/> of the best top-1.</param>
/// <param name="Text">The three answers as one paragraph of plain English.</param>
public sealed record Recommendation(
    ArchitectureResult MostAccurate, double LatencyBudgetMs, bool BudgetIsMedian, ArchitectureResult? WithinBudget, ArchitectureResult Smallest, string Text)
{
    /// <summary>Top-1 a smaller model may give up and still count as "as good": one percentage point.</summary>
    public const double AccuracyTolerance = 0.01;

    // AccuracyTolerance as the paragraph says it.
    private const string ToleranceInWords = "1 percentage point";

    // Top-1 values are fractions like 0.75 - 0.01, which floating point does not hit exactly; a gap of exactly one point counts as within.
    private const double Rounding = 1e-9;

    /// <summary>
    /// The recommendation for <paramref name="report"/> under <paramref name="latencyBudgetMs"/>, or, when that is null, under
    /// the median batch-1 latency of its architectures (so about half of them meet it). Architectures whose latency was not
    /// measured (zero or not finite) never meet a budget and do not count towards the median.
    /// </summary>
    /// <exception cref="InvalidOperationException">The report has no results.</exception>
    public static Recommendation For(ComparisonReport report, double? latencyBudgetMs = null)
    {
        var results = report.Results;
        var best = report.Best;
        var measured = results.Where(r => r.HasLatency).ToList();
        var budget = latencyBudgetMs ?? Median(measured.Select(r => r.InferenceLatencyMs));
        // MaxBy keeps the first of equals: on equal top-1 the faster one wins, and then the earlier one.
        var withinBudget = measured.Where(r => r.InferenceLatencyMs <= budget).OrderBy(r => r.InferenceLatencyMs).MaxBy(r => r.Top1);
        var smallest = results.Where(r => r.Top1 >= best.Top1 - AccuracyTolerance - Rounding)
            .OrderBy(r => r.Parameters).ThenByDescending(r => r.Top1).First();
        var text = Describe(best, budget, latencyBudgetMs is null, withinBudget, measured, smallest);
        return new Recommendation(best, budget, latencyBudgetMs is null, withinBudget, smallest, text);
    }

    private static string Describe(ArchitectureResult best, double budget, bool budgetIsMedian, ArchitectureResult? withinBudget,
        IReadOnlyList<ArchitectureResult> measured, ArchitectureResult smallest)
    {
        var sentences = new List<string> { $"{best.Architecture} has the best top-1 accuracy ({ReportFormat.Percent(best.Top1)})." };
        var budgetPhrase = $"a latency budget of {Milliseconds(budget)}" + (budgetIsMedian ? " (the median batch-1 latency of the compared models)" : "");
        if (measured.Count == 0)
            sentences.Add("No latency was measured, so none can be recommended for a latency budget.");
        else if (withinBudget is null)
            sentences.Add($"No model meets {budgetPhrase}; the fastest, {Fastest(measured).Architecture}, takes {Milliseconds(Fastest(measured).InferenceLatencyMs)}.");
        else if (ReferenceEquals(withinBudget, best))
            sentences.Add($"It also meets {budgetPhrase}, at {Milliseconds(best.InferenceLatencyMs)}.");
        else
            sentences.Add($"Within {budgetPhrase}, the most accurate is {withinBudget.Architecture} " +
                $"({ReportFormat.Percent(withinBudget.Top1)} at {Milliseconds(withinBudget.InferenceLatencyMs)}).");
        sentences.Add(ReferenceEquals(smallest, best)
            ? $"No model smaller than {best.Architecture} comes within {ToleranceInWords} of its top-1 accuracy."
            : $"The smallest model within {ToleranceInWords} of the best top-1 accuracy is {smallest.Architecture} " +
              $"({ReportFormat.Count(smallest.Parameters)} parameters against {ReportFormat.Count(best.Parameters)}, {ReportFormat.Percent(smallest.Top1)}).");
        return string.Join(" ", sentences);
    }

    private static ArchitectureResult Fastest(IReadOnlyList<ArchitectureResult> measured) => measured.MinBy(r => r.InferenceLatencyMs)!;

    private static string Milliseconds(double value) => ReportFormat.Fixed(value, 2) + " ms";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
