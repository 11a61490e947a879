using System.Runtime.InteropServices;

namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// glibc's malloc tuning calls (mallopt(3), malloc_trim(3)). libtorch's CPU tensors come straight from malloc,
/// and TorchSharp exposes no allocator settings, so the C library is asked directly. On other C libraries
/// (musl) and other systems the calls are absent and each method says it did nothing.
/// </summary>
internal static partial class GlibcMalloc
{
    private const string Libc = "libc.so.6";
    private const int MTrimThreshold = -1;
    private const int MMmapMax = -4;

    [LibraryImport(Libc, EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    [LibraryImport(Libc, EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    /// <summary>No mmap for large requests and no trimming (-1): freed blocks stay in the heap for reuse.</summary>
    public static bool RetainFreedMemory() =>
        Call(() => Mallopt(MMmapMax, 0) == 1 && Mallopt(MTrimThreshold, -1) == 1);

    /// <summary>Returns free heap memory to the kernel now.</summary>
    public static bool ReleaseFreedMemory() => Call(() => MallocTrim(0) == 1);

    private static bool Call(Func<bool> call)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
