namespace ModelZoo.Torch.Tests.Support;

/// <summary>A stable <see cref="TensorStatistics.Live"/> baseline for leak tests.</summary>
internal static class LiveTensors
{
    /// <summary>
    /// Lets the finalizer free every unreachable tensor that earlier tests left behind, so that no
    /// finalizer runs in the middle of a leak test and the live count moves only by what the test does.
    /// </summary>
    public static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return TensorStatistics.Live;
    }
}
