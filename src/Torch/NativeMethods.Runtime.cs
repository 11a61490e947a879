using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

/// <summary>P/Invoke declarations, one partial file per native area (native/include/modelzoo/*.h).</summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    /// <summary>Turns a non-zero native status into a <see cref="TorchException"/> with libtorch's message.</summary>
    internal static void Check(int status)
    {
        if (status != 0) throw new TorchException(LastError());
    }

    internal static string LastError() => Marshal.PtrToStringUTF8(mz_last_error()) ?? "unknown native error";

    [LibraryImport(Lib)] internal static partial IntPtr mz_last_error();
    [LibraryImport(Lib)] internal static partial IntPtr mz_torch_version();
    [LibraryImport(Lib)] internal static partial IntPtr mz_build_info();
    [LibraryImport(Lib)] internal static partial int mz_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int mz_get_num_threads(out int n);
    [LibraryImport(Lib)] internal static partial int mz_set_num_interop_threads(int n);
    [LibraryImport(Lib)] internal static partial int mz_cpu_allocator_retain_freed_memory(out int applied);
    [LibraryImport(Lib)] internal static partial int mz_cpu_allocator_release_freed_memory(out int released);
    [LibraryImport(Lib)] internal static partial int mz_cuda_is_available(out int value);
    [LibraryImport(Lib)] internal static partial int mz_cuda_device_count(out int value);
    [LibraryImport(Lib)] internal static partial int mz_cuda_synchronize(int device);
    [LibraryImport(Lib)] internal static partial int mz_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int mz_generator_new(ulong seed, out IntPtr generator);
    [LibraryImport(Lib)] internal static partial int mz_generator_free(IntPtr generator);
    [LibraryImport(Lib)] internal static partial int mz_generator_manual_seed(IntPtr generator, ulong seed);
    [LibraryImport(Lib)] internal static partial int mz_generator_get_state(IntPtr generator, out IntPtr state);
    [LibraryImport(Lib)] internal static partial int mz_generator_set_state(IntPtr generator, IntPtr state);
    [LibraryImport(Lib)] internal static partial int mz_default_generator_get_state(out IntPtr state);
    [LibraryImport(Lib)] internal static partial int mz_default_generator_set_state(IntPtr state);
}
