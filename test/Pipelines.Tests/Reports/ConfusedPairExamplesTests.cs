using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class ConfusedPairExamplesTests
{
    [Fact]
    public void KeepsTheFirstRowsOfEachPairInTestOrder()
    {
        (int, int)[] rows = [(0, 0), (1, 0), (0, 1), (1, 0), (1, 0), (2, 2), (0, 1), (1, 0), (2, 0)];
        ConfusedPair[] pairs = [new(1, 0, 4), new(0, 1, 2)];

        var examples = ConfusedPairExamples.Collect(rows, pairs, perPair: 3);

        Assert.Equal([pairs[0], pairs[1]], examples.Select(e => e.Pair));
        Assert.Equal([1, 3, 4], examples[0].TestIndices);
        Assert.Equal([2, 6], examples[1].TestIndices);
        Assert.All(examples, e => Assert.Empty(e.Images));
    }

    [Fact]
    public void StopsReadingOnceEveryPairIsComplete()
    {
        var read = 0;
        IEnumerable<(int, int)> Rows()
        {
            // Dog taken for cat on every even row, cat for dog on every third; endless, like a test set too big to score twice.
            for (var i = 0; ; i++)
            {
                read++;
                yield return i % 2 == 0 ? (1, 0) : i % 3 == 0 ? (0, 1) : (2, 2);
            }
        }

        // The second pair has only one example in the confusion matrix, so one is enough.
        var examples = ConfusedPairExamples.Collect(Rows(), [new(1, 0, 100), new(0, 1, 1)], perPair: 4);

        Assert.Equal([0, 2, 4, 6], examples[0].TestIndices);
        Assert.Equal([3], examples[1].TestIndices);
        Assert.Equal(7, read);
    }

    [Fact]
    public void NoPairsOrOnlyEmptyOnesReadNothing()
    {
        var unreadable = Enumerable.Range(0, 1).Select<int, (int, int)>(_ => throw new InvalidOperationException("the test set was scored although no example was wanted"));

        Assert.Empty(ConfusedPairExamples.Collect(unreadable, []));
        Assert.Empty(Assert.Single(ConfusedPairExamples.Collect(unreadable, [new ConfusedPair(1, 0, 0)])).TestIndices);
    }
}
