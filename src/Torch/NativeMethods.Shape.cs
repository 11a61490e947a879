using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

// Mirrors native/include/modelzoo/shape.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_reshape(IntPtr a, long* sizes, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_view(IntPtr a, long* sizes, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_permute(IntPtr a, long* dims, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_transpose(IntPtr a, long dim0, long dim1, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_flatten(IntPtr a, long startDim, long endDim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_unsqueeze(IntPtr a, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_squeeze(IntPtr a, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_expand(IntPtr a, long* sizes, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_narrow(IntPtr a, long dim, long start, long length, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_slice(IntPtr a, long dim, long start, long end, long step, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_select(IntPtr a, long dim, long index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_index_select(IntPtr a, long dim, IntPtr index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_gather(IntPtr a, long dim, IntPtr index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_cat(IntPtr* tensors, long n, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_stack(IntPtr* tensors, long n, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_split(IntPtr a, long splitSize, long dim, IntPtr* outs, long capacity, out long count);
    [LibraryImport(Lib)] internal static partial int mz_split_sizes(IntPtr a, long* sizes, long n, long dim, IntPtr* outs, long capacity, out long count);
    [LibraryImport(Lib)] internal static partial int mz_chunk(IntPtr a, long chunks, long dim, IntPtr* outs, long capacity, out long count);
    [LibraryImport(Lib)] internal static partial int mz_flip(IntPtr a, long* dims, long ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_pad(IntPtr a, long* pads, long npads, int mode, double value, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_one_hot(IntPtr labels, long numClasses, out IntPtr result);
}
