namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// One directed mistake of a model: <see cref="Count"/> test images of class <see cref="Actual"/> predicted as
/// <see cref="Predicted"/> (class indices in <see cref="ComparisonReport.Classes"/> order). Directed, because "cat taken
/// for dog" and "dog taken for cat" are different failures with different fixes.
/// </summary>
public sealed record ConfusedPair(int Actual, int Predicted, long Count)
{
    /// <summary>How many pairs a report shows: enough to see the pattern, few enough to look at each one's images.</summary>
    public const int ReportedPairs = 5;

    /// <summary>
    /// The <paramref name="count"/> largest off-diagonal cells of <paramref name="confusion"/> (rows actual, columns
    /// predicted, as ML.NET's <c>ConfusionMatrix.Counts</c>), largest first; equal counts in row, then column order.
    /// Empty cells are not mistakes and are never listed, so a perfect model has none.
    /// </summary>
    public static IReadOnlyList<ConfusedPair> MostConfused(IReadOnlyList<IReadOnlyList<double>> confusion, int count = ReportedPairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return confusion
            .SelectMany((row, actual) => row.Select((cell, predicted) => new ConfusedPair(actual, predicted, (long)cell)))
            .Where(pair => pair.Actual != pair.Predicted && pair.Count > 0)
            .OrderByDescending(pair => pair.Count).ThenBy(pair => pair.Actual).ThenBy(pair => pair.Predicted)
            .Take(count)
            .ToList();
    }

    /// <summary>This pair's cell in another model's <paramref name="confusion"/>, to compare models on the same mistake.</summary>
    public long CountIn(IReadOnlyList<IReadOnlyList<double>> confusion) => (long)confusion[Actual][Predicted];
}
