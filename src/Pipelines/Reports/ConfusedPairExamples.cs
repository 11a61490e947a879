using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// Test images behind one <see cref="ConfusedPair"/>: a count says how often a model mixes two classes up, the images
/// say why (a label that is arguably wrong, an object too small, two classes that look alike at this size).
/// </summary>
/// <param name="Pair">The mistake.</param>
/// <param name="TestIndices">Rows of the test set that are this mistake, in test-set order.</param>
public sealed record ConfusedPairExamples(ConfusedPair Pair, IReadOnlyList<int> TestIndices)
{
    /// <summary>Examples kept per pair: one row of the report's figure.</summary>
    public const int PerPair = 6;

    /// <summary>
    /// The images of <see cref="TestIndices"/>, in the same order. Only the report's best model carries them, and only
    /// once the comparison has read them back from the test set; the other models keep their indices alone.
    /// </summary>
    public IReadOnlyList<Image> Images { get; init; } = [];

    /// <summary>
    /// Walks <paramref name="rows"/>, the (actual, predicted) class of each test row in order, and keeps for each of
    /// <paramref name="pairs"/> the indices of its first <paramref name="perPair"/> rows (all of them when its
    /// <see cref="ConfusedPair.Count"/> is smaller). Stops reading once every pair is complete, so a scored view behind
    /// <paramref name="rows"/> scores no further than it must; holds only indices, never images or scores.
    /// </summary>
    public static IReadOnlyList<ConfusedPairExamples> Collect(IEnumerable<(int Actual, int Predicted)> rows, IReadOnlyList<ConfusedPair> pairs, int perPair = PerPair)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perPair, 1);
        var found = pairs.ToDictionary(pair => (pair.Actual, pair.Predicted), _ => new List<int>());
        var wanted = pairs.ToDictionary(pair => (pair.Actual, pair.Predicted), pair => (int)Math.Min(perPair, pair.Count));
        var open = wanted.Count(w => w.Value > 0);
        var index = 0;
        if (open > 0)
            foreach (var row in rows)
            {
                if (found.TryGetValue(row, out var indices) && indices.Count < wanted[row])
                {
                    indices.Add(index);
                    if (indices.Count == wanted[row] && --open == 0) break;
                }
                index++;
            }
        return pairs.Select(pair => new ConfusedPairExamples(pair, found[(pair.Actual, pair.Predicted)])).ToList();
    }
}
