namespace ModelZoo.Pipelines.Data;

/// <summary>
/// Shuffling for sources that can only be read in order, as ML.NET's <c>ShuffleRows</c> (RowShufflingTransformer) does
/// it: a pool of the next items, from which each item handed out is drawn at random and replaced by the next one read.
/// Never more than the pool is held, so memory stays bounded whatever the source's length.
/// </summary>
public static class PoolShuffle
{
    /// <summary>The items of <paramref name="source"/> in an order drawn from <paramref name="random"/>.</summary>
    public static IEnumerable<T> Shuffle<T>(IEnumerable<T> source, int poolSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        ArgumentNullException.ThrowIfNull(random);
        return Draw(source, poolSize, random);
    }

    private static IEnumerable<T> Draw<T>(IEnumerable<T> source, int poolSize, Random random)
    {
        using var items = source.GetEnumerator();
        List<T> pool = [];
        while (pool.Count < poolSize && items.MoveNext()) pool.Add(items.Current);
        while (pool.Count > 0)
        {
            var pick = random.Next(pool.Count);
            var chosen = pool[pick];
            pool[pick] = pool[^1];
            pool.RemoveAt(pool.Count - 1);
            yield return chosen;
            // Read the replacement only once the chosen item is handed out, so the pool never holds more than its size.
            if (items.MoveNext()) pool.Add(items.Current);
        }
    }
}
