using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_tensor_free(IntPtr t);
    [LibraryImport(Lib)] internal static partial int mz_tensor_alias(IntPtr t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_dim(IntPtr t, out long dim);
    [LibraryImport(Lib)] internal static partial int mz_tensor_shape(IntPtr t, long* sizes, long capacity);
    [LibraryImport(Lib)] internal static partial int mz_tensor_strides(IntPtr t, long* strides, long capacity);
    [LibraryImport(Lib)] internal static partial int mz_tensor_numel(IntPtr t, out long numel);
    [LibraryImport(Lib)] internal static partial int mz_tensor_dtype(IntPtr t, out int dtype);
    [LibraryImport(Lib)] internal static partial int mz_tensor_device(IntPtr t, out int type, out int index);
    [LibraryImport(Lib)] internal static partial int mz_tensor_is_contiguous(IntPtr t, int memoryFormat, out int value);
    [LibraryImport(Lib)] internal static partial int mz_tensor_suggest_memory_format(IntPtr t, out int format);
    [LibraryImport(Lib)] internal static partial int mz_tensor_item_double(IntPtr t, out double value);
    [LibraryImport(Lib)] internal static partial int mz_tensor_item_int64(IntPtr t, out long value);
    [LibraryImport(Lib)] internal static partial int mz_tensor_copy_to(IntPtr t, void* destination, long nbytes);
    [LibraryImport(Lib)] internal static partial int mz_tensor_copy_from(IntPtr t, void* source, long nbytes);
    [LibraryImport(Lib)] internal static partial int mz_tensor_to(IntPtr t, int deviceType, int deviceIndex, int dtype, int nonBlocking, int copy, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_to_dtype(IntPtr t, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_contiguous(IntPtr t, int memoryFormat, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_to_memory_format(IntPtr t, int memoryFormat, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_clone(IntPtr t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int mz_tensor_copy_(IntPtr destination, IntPtr source);
    [LibraryImport(Lib)] internal static partial int mz_tensor_to_string(IntPtr t, out IntPtr text);
    [LibraryImport(Lib)] internal static partial int mz_string_free(IntPtr text);
}
