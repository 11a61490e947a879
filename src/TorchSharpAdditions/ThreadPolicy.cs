namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// libtorch's intra-op thread count. libtorch counts physical cores and starts with one thread on these
/// 2-vCPU machines; ModelZoo's programs use every logical processor instead (measured in docs/performance.md:
/// 2 threads train 1.3-1.7x faster than 1), unless MODELZOO_THREADS or OMP_NUM_THREADS says otherwise.
/// </summary>
public static class ThreadPolicy
{
    /// <summary>The thread count ModelZoo chooses when nobody asked for one.</summary>
    public static int Recommended()
    {
        foreach (var variable in new[] { "MODELZOO_THREADS", "OMP_NUM_THREADS" })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (int.TryParse(value, out var threads) && threads > 0) return threads;
        }
        return Math.Max(1, Environment.ProcessorCount);
    }

    /// <summary>Sets libtorch's intra-op thread count to <paramref name="threads"/>, or to <see cref="Recommended"/> when null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1.</exception>
    public static int Apply(int? threads = null)
    {
        var count = threads ?? Recommended();
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(threads), count, "thread count must be at least 1");
        if (torch.get_num_threads() != count) torch.set_num_threads(count);
        return count;
    }
}
