using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

/// <summary>
/// Whether memory libtorch frees on the CPU stays in the process for the next step. By default the C
/// library hands large freed blocks back to the kernel, and on a VM every page of the next step's
/// activations then costs a fault: keeping them made training 3.5x faster at 224 px here
/// (docs/performance.md). ModelZoo's trainer, prediction and benchmark turn retention on; set
/// <c>MODELZOO_CPU_ALLOCATOR=system</c> to keep the C library's own policy.
/// </summary>
public static class CpuAllocator
{
    private static int retained;

    /// <summary>The environment variable that, set to <c>system</c>, leaves the allocator alone.</summary>
    public const string PolicyVariable = "MODELZOO_CPU_ALLOCATOR";

    /// <summary>Whether retention is on in this process.</summary>
    public static bool RetainsFreedMemory => Volatile.Read(ref retained) == 1;

    /// <summary>
    /// Turns retention on for the rest of the process (once; later calls return at once). Returns false
    /// when <see cref="PolicyVariable"/> says <c>system</c> or the C library has no such switch (not glibc).
    /// </summary>
    public static bool RetainFreedMemory()
    {
        if (RetainsFreedMemory) return true;
        if (string.Equals(Environment.GetEnvironmentVariable(PolicyVariable)?.Trim(), "system", StringComparison.OrdinalIgnoreCase))
            return false;
        Check(mz_cpu_allocator_retain_freed_memory(out var applied));
        if (applied == 1) Volatile.Write(ref retained, 1);
        return applied == 1;
    }

    /// <summary>Hands the freed memory the process keeps back to the kernel now; true when there was some.</summary>
    public static bool ReleaseFreedMemory()
    {
        Check(mz_cpu_allocator_release_freed_memory(out var released));
        return released == 1;
    }
}
