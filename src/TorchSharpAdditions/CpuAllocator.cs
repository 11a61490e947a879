namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// How the memory libtorch frees on the CPU is treated between training steps. By default glibc hands large
/// freed blocks back to the kernel, and on a VM every 4 KiB page of the next step's activations then costs a
/// fault (docs/performance.md: mobilenet_v2 at 224 px trained 3-4x slower for it, in PyTorch as in ModelZoo).
/// Two cures, chosen by <see cref="ApplyDefault"/> (for training; prediction always keeps freed memory):
/// <list type="bullet">
/// <item>transparent huge pages, when the process started with glibc's <c>glibc.malloc.hugetlb</c> tunable
/// (the <c>./modelzoo</c> launcher sets it): faults come 2 MiB at a time and freed memory still goes back,
/// so peak memory stays at PyTorch's;</item>
/// <item>otherwise keeping freed memory for reuse (mallopt: no mmap, no trimming): as fast or faster, but the
/// heap keeps its peak and fragments, a few percent above PyTorch's peak at 224 px.</item>
/// </list>
/// <c>MODELZOO_CPU_ALLOCATOR=retain</c> or <c>=system</c> overrides the choice.
/// </summary>
public static class CpuAllocator
{
    private static readonly object Gate = new();
    private static CpuAllocatorPolicy? applied;

    /// <summary>The environment variable that picks the policy: auto (the default), retain or system.</summary>
    public const string PolicyVariable = "MODELZOO_CPU_ALLOCATOR";

    /// <summary>Whether freed memory is being kept in this process.</summary>
    public static bool RetainsFreedMemory => applied == CpuAllocatorPolicy.Retain;

    /// <summary>
    /// Applies the policy <see cref="PolicyVariable"/> asks for, for <paramref name="use"/>, and returns it.
    /// Auto for training keeps freed memory unless huge pages already make faults cheap (then peak memory stays
    /// at PyTorch's); auto for inference always keeps it, since batch-1 latency suffers most from faults and one
    /// batch's activations are small. Retention, once on, stays on for the process.
    /// </summary>
    public static CpuAllocatorPolicy ApplyDefault(CpuAllocatorUse use = CpuAllocatorUse.Training)
    {
        lock (Gate)
        {
            if (applied == CpuAllocatorPolicy.Retain) return CpuAllocatorPolicy.Retain;
            var requested = Environment.GetEnvironmentVariable(PolicyVariable)?.Trim().ToLowerInvariant();
            var policy = requested switch
            {
                "system" => HugePagesActive() ? CpuAllocatorPolicy.SystemHugePages : CpuAllocatorPolicy.System,
                "retain" => CpuAllocatorPolicy.Retain,
                null or "" or "auto" => use == CpuAllocatorUse.Training && HugePagesActive()
                    ? CpuAllocatorPolicy.SystemHugePages
                    : CpuAllocatorPolicy.Retain,
                _ => throw new ArgumentException($"{PolicyVariable}='{requested}' is not auto, retain or system"),
            };
            if (policy == CpuAllocatorPolicy.Retain && !RetainFreedMemory())
                policy = HugePagesActive() ? CpuAllocatorPolicy.SystemHugePages : CpuAllocatorPolicy.System;
            applied = policy;
            return policy;
        }
    }

    /// <summary>Keeps freed memory in the process from now on; false where the C library has no such switch (not glibc).</summary>
    public static bool RetainFreedMemory()
    {
        var ok = GlibcMalloc.RetainFreedMemory();
        if (ok) applied = CpuAllocatorPolicy.Retain;
        return ok;
    }

    /// <summary>Hands the freed memory the process keeps back to the kernel now; true when there was some.</summary>
    public static bool ReleaseFreedMemory()
    {
        return GlibcMalloc.ReleaseFreedMemory();
    }

    /// <summary>The short name used in reports: retain, system or thp.</summary>
    public static string Name(CpuAllocatorPolicy policy) => policy switch
    {
        CpuAllocatorPolicy.Retain => "retain",
        CpuAllocatorPolicy.SystemHugePages => "thp",
        _ => "system",
    };

    /// <summary>
    /// Whether glibc's malloc asks for transparent huge pages in this process: the <c>glibc.malloc.hugetlb</c>
    /// tunable (read by glibc at start-up, so only the environment the process started with counts) and a
    /// kernel that grants them on request.
    /// </summary>
    public static bool HugePagesActive()
    {
        var tunables = Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "";
        var asked = tunables.Split(':').Any(t => t.Trim() is "glibc.malloc.hugetlb=1" or "glibc.malloc.hugetlb=2");
        if (!asked) return false;
        try
        {
            var mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            return mode.Contains("[always]", StringComparison.Ordinal) || mode.Contains("[madvise]", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>What the memory is for: <see cref="CpuAllocator.ApplyDefault"/> chooses by it.</summary>
public enum CpuAllocatorUse
{
    /// <summary>Training steps: peak memory counts.</summary>
    Training,
    /// <summary>Prediction and evaluation: latency counts.</summary>
    Inference,
}

/// <summary>What <see cref="CpuAllocator.ApplyDefault"/> chose.</summary>
public enum CpuAllocatorPolicy
{
    /// <summary>The C library's own policy, with 4 KiB pages.</summary>
    System,
    /// <summary>The C library's own policy, with transparent huge pages (glibc.malloc.hugetlb).</summary>
    SystemHugePages,
    /// <summary>Freed memory kept in the process for reuse.</summary>
    Retain,
}
