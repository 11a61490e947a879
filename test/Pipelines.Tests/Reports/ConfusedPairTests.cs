using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class ConfusedPairTests
{
    // Rows actual, columns predicted, as ML.NET's ConfusionMatrix.Counts.
    private static readonly double[][] Confusion =
    [
        [50, 3, 0, 7],
        [9, 40, 3, 0],
        [0, 1, 60, 2],
        [7, 0, 3, 44],
    ];

    [Fact]
    public void LargestOffDiagonalCellsComeFirstWithTiesInRowThenColumnOrder()
    {
        var pairs = ConfusedPair.MostConfused(Confusion, 5);

        // 9 (1→0), then the two 7s (0→3 before 3→0), then three 3s of which the first in row order (0→1, 1→2) make the cut.
        Assert.Equal([new(1, 0, 9), new(0, 3, 7), new(3, 0, 7), new ConfusedPair(0, 1, 3), new(1, 2, 3)], pairs);
    }

    [Fact]
    public void DiagonalAndEmptyCellsAreNeverListed()
    {
        var pairs = ConfusedPair.MostConfused(Confusion, 100);

        // Twelve off-diagonal cells, four of them empty; the diagonal's 60 is the largest count of all.
        Assert.Equal(8, pairs.Count);
        Assert.All(pairs, p => Assert.NotEqual(p.Actual, p.Predicted));
        Assert.Empty(ConfusedPair.MostConfused([[5, 0], [0, 5]]));
    }

    [Fact]
    public void CountInReadsTheSameCellOfAnotherModel()
    {
        double[][] other = [[1, 2], [3, 4]];

        Assert.Equal(3, new ConfusedPair(1, 0, 9).CountIn(other));
        Assert.Equal(2, new ConfusedPair(0, 1, 9).CountIn(other));
    }
}
