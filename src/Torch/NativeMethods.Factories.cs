using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_tensor_from_data(void* data, int dtype, long* sizes, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_empty(long* sizes, long ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_full(long* sizes, long ndim, double value, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_rand(long* sizes, long ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_randn(long* sizes, long ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_randint(long low, long high, long* sizes, long ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_randperm(long n, IntPtr generator, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_normal_(IntPtr t, double mean, double std, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int mz_uniform_(IntPtr t, double low, double high, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int mz_bernoulli_(IntPtr t, double p, IntPtr generator);
}
