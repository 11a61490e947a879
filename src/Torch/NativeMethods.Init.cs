using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

// Mirrors native/include/modelzoo/init.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_init_kaiming_normal_(IntPtr t, double a, int mode, int nonlinearity);
    [LibraryImport(Lib)] internal static partial int mz_init_kaiming_uniform_(IntPtr t, double a, int mode, int nonlinearity);
    [LibraryImport(Lib)] internal static partial int mz_init_xavier_normal_(IntPtr t, double gain);
    [LibraryImport(Lib)] internal static partial int mz_init_xavier_uniform_(IntPtr t, double gain);
    [LibraryImport(Lib)] internal static partial int mz_init_normal_(IntPtr t, double mean, double std);
    [LibraryImport(Lib)] internal static partial int mz_init_uniform_(IntPtr t, double low, double high);
    [LibraryImport(Lib)] internal static partial int mz_init_constant_(IntPtr t, double value);
    [LibraryImport(Lib)] internal static partial int mz_init_zeros_(IntPtr t);
    [LibraryImport(Lib)] internal static partial int mz_init_ones_(IntPtr t);
    [LibraryImport(Lib)] internal static partial int mz_init_trunc_normal_(IntPtr t, double mean, double std, double low, double high);
}
