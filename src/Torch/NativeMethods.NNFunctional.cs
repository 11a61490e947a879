using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

// Mirrors native/include/modelzoo/nn_functional.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_relu(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_relu_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_relu6(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_relu6_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_hardswish(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_hardswish_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_hardsigmoid(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_hardsigmoid_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_sigmoid(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_sigmoid_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_silu(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_silu_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_tanh(IntPtr a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tanh_(IntPtr a);
    [LibraryImport(Lib)] internal static partial int mz_conv2d(IntPtr input, IntPtr weight, IntPtr bias, long* stride, long* padding, long* dilation, long groups, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_batch_norm(IntPtr input, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_linear(IntPtr input, IntPtr weight, IntPtr bias, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_max_pool2d(IntPtr input, long* kernel, long* stride, long* padding, long* dilation, int ceilMode, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_avg_pool2d(IntPtr input, long* kernel, long* stride, long* padding, int ceilMode, int countIncludePad, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_adaptive_avg_pool2d(IntPtr input, long* outputSize, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_adaptive_max_pool2d(IntPtr input, long* outputSize, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_dropout(IntPtr input, double p, int training, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_softmax(IntPtr input, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_log_softmax(IntPtr input, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_cross_entropy(IntPtr input, IntPtr target, IntPtr weight, int reduction, long ignoreIndex, double labelSmoothing, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_nll_loss(IntPtr input, IntPtr target, IntPtr weight, int reduction, long ignoreIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_interpolate(IntPtr input, long* size, int mode, int alignCorners, int antialias, out IntPtr result);
}
