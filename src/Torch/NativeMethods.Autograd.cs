using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

// Mirrors native/include/modelzoo/autograd.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_tensor_requires_grad(IntPtr t, out int result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_set_requires_grad(IntPtr t, int requiresGrad);
    [LibraryImport(Lib)] internal static partial int mz_tensor_is_leaf(IntPtr t, out int result);
    [LibraryImport(Lib)] internal static partial int mz_backward(IntPtr t, IntPtr gradient, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int mz_tensor_grad(IntPtr t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_set_grad(IntPtr t, IntPtr grad);
    [LibraryImport(Lib)] internal static partial int mz_tensor_detach(IntPtr t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_detach_(IntPtr t);
    [LibraryImport(Lib)] internal static partial int mz_is_grad_enabled(out int result);
    [LibraryImport(Lib)] internal static partial int mz_set_grad_enabled(int enabled);
    [LibraryImport(Lib)] internal static partial int mz_inference_mode_enter(out IntPtr guard);
    [LibraryImport(Lib)] internal static partial int mz_guard_free(IntPtr guard);
}
