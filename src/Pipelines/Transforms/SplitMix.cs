namespace ModelZoo.Pipelines.Transforms;

/// <summary>
/// Derives independent, reproducible random streams from (seed, epoch, batch): a batch's augmentation
/// is the same whichever thread builds it and whether or not the run was resumed.
/// </summary>
public static class SplitMix
{
    /// <summary>A well-mixed 64-bit value from the inputs (SplitMix64 finaliser).</summary>
    public static ulong Mix(params long[] values)
    {
        ulong state = 0x9E3779B97F4A7C15;
        foreach (var value in values)
        {
            state ^= (ulong)value;
            state += 0x9E3779B97F4A7C15;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            state = z ^ (z >> 31);
        }
        return state;
    }

    /// <summary>A System.Random for the given stream coordinates.</summary>
    public static Random Stream(params long[] coordinates) => new((int)(Mix(coordinates) & int.MaxValue));
}
