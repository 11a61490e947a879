namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The trade-off curve of a comparison: the architectures no other one beats on both counts. Choosing off the front
/// means paying more (latency, parameters) for no more accuracy, so the report marks it and the reader starts there.
/// </summary>
public static class ParetoFront
{
    /// <summary>Top-1 against batch-1 latency; architectures whose latency was not measured are left out.</summary>
    public static IReadOnlyList<ArchitectureResult> OfLatency(ComparisonReport report) =>
        Of(report.Results.Where(r => r.HasLatency), r => r.InferenceLatencyMs, r => r.Top1);

    /// <summary>Top-1 against trainable parameters; architectures whose parameters were not counted (zero) are left out.</summary>
    public static IReadOnlyList<ArchitectureResult> OfParameters(ComparisonReport report) =>
        Of(report.Results.Where(r => r.Parameters > 0), r => r.Parameters, r => r.Top1);

    /// <summary>
    /// The items of <paramref name="items"/> that no other item dominates, where lower <paramref name="cost"/> and higher
    /// <paramref name="benefit"/> are better; ordered by cost, then by benefit, then as given. An item dominates another when
    /// it is at least as good on both and better on one, so items at the same point are all kept. Items with a non-finite
    /// cost or benefit cannot be compared and are left out.
    /// </summary>
    public static IReadOnlyList<T> Of<T>(IEnumerable<T> items, Func<T, double> cost, Func<T, double> benefit)
    {
        var points = items.Select(item => (Item: item, Cost: cost(item), Benefit: benefit(item)))
            .Where(p => double.IsFinite(p.Cost) && double.IsFinite(p.Benefit))
            .ToList();
        return points
            .Where(p => !points.Any(other => other.Cost <= p.Cost && other.Benefit >= p.Benefit && (other.Cost < p.Cost || other.Benefit > p.Benefit)))
            .OrderBy(p => p.Cost).ThenBy(p => p.Benefit)
            .Select(p => p.Item)
            .ToList();
    }
}
