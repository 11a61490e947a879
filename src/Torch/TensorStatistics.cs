namespace ModelZoo.Torch;

/// <summary>
/// Live and peak counts of native tensor handles, so leak tests can be exact:
/// after a training step, <see cref="Live"/> must be back where it started.
/// </summary>
public static class TensorStatistics
{
    private static long live;
    private static long peak;
    private static long created;

    /// <summary>Handles created and not yet freed.</summary>
    public static long Live => Interlocked.Read(ref live);

    /// <summary>The highest <see cref="Live"/> since the last <see cref="ResetPeak"/>.</summary>
    public static long Peak => Interlocked.Read(ref peak);

    /// <summary>Handles created since the process started.</summary>
    public static long Created => Interlocked.Read(ref created);

    /// <summary>Starts peak tracking afresh from the current live count.</summary>
    public static void ResetPeak() => Interlocked.Exchange(ref peak, Live);

    internal static void OnCreated()
    {
        Interlocked.Increment(ref created);
        var now = Interlocked.Increment(ref live);
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
    }

    internal static void OnFreed() => Interlocked.Decrement(ref live);
}
