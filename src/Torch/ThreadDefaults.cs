namespace ModelZoo.Torch;

/// <summary>
/// libtorch starts with one intra-op thread on small machines (it counts physical cores and
/// these 2-vCPU machines report one). ModelZoo's programs use every logical processor instead,
/// unless MODELZOO_THREADS or OMP_NUM_THREADS says otherwise.
/// </summary>
public static class ThreadDefaults
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
    public static int Apply(int? threads = null)
    {
        var count = threads ?? Recommended();
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(threads), count, "thread count must be at least 1");
        torch.set_num_threads(count);
        return count;
    }
}
