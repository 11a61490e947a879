using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Tests;

/// <summary>The pool shuffle hands out every item once, holds no more than its pool, and is fixed by its seed.</summary>
public sealed class PoolShuffleTests
{
    [Fact]
    public void EveryItemComesOnceAndTheSeedFixesTheOrder()
    {
        var first = PoolShuffle.Shuffle(Enumerable.Range(0, 500), 50, new Random(1)).ToList();

        Assert.Equal(Enumerable.Range(0, 500), first.Order());
        Assert.NotEqual(Enumerable.Range(0, 500), first);
        Assert.Equal(first, PoolShuffle.Shuffle(Enumerable.Range(0, 500), 50, new Random(1)));
        Assert.NotEqual(first, PoolShuffle.Shuffle(Enumerable.Range(0, 500), 50, new Random(2)));
    }

    [Fact]
    public void NoMoreThanThePoolIsReadAheadOfWhatWasHandedOut()
    {
        var read = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 300; i++)
            {
                read++;
                yield return i;
            }
        }
        var handedOut = 0;
        var mostAhead = 0;

        foreach (var _ in PoolShuffle.Shuffle(Source(), 20, new Random(3)))
        {
            mostAhead = Math.Max(mostAhead, read - handedOut);
            handedOut++;
        }

        Assert.Equal(20, mostAhead);
        Assert.Equal(300, handedOut);
    }

    [Fact]
    public void APoolOfOneKeepsTheOrder() =>
        Assert.Equal(Enumerable.Range(0, 40), PoolShuffle.Shuffle(Enumerable.Range(0, 40), 1, new Random(4)));
}
