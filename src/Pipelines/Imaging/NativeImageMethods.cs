using System.Runtime.InteropServices;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>The C entry points of libmzimage (native/include/modelzoo_image.h).</summary>
internal static unsafe partial class NativeImageMethods
{
    internal const string Library = "mzimage";

    // Runs before the first call into the library, so the resolver is in place when it loads.
    static NativeImageMethods() => NativeImageLibrary.Register();

    [LibraryImport(Library, EntryPoint = "mz_image_last_error")]
    private static partial byte* LastError();

    [LibraryImport(Library, EntryPoint = "mz_image_info")]
    internal static partial int Info(byte* data, long size, out int width, out int height, out int channels);

    [LibraryImport(Library, EntryPoint = "mz_image_decode")]
    internal static partial int Decode(byte* data, long size, int channels, out byte* pixels, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "mz_image_encode_png")]
    internal static partial int EncodePng(byte* pixels, int width, int height, int channels, out byte* png, out long pngSize);

    [LibraryImport(Library, EntryPoint = "mz_image_free")]
    internal static partial int Free(byte* buffer);

    /// <summary>The message of this thread's last failed call.</summary>
    internal static string LastErrorMessage() => Marshal.PtrToStringUTF8((nint)LastError()) ?? "";

    /// <summary>Copies a library-owned buffer into a managed array and frees it.</summary>
    internal static byte[] TakeBuffer(byte* buffer, long length)
    {
        try
        {
            return new ReadOnlySpan<byte>(buffer, checked((int)length)).ToArray();
        }
        finally
        {
            Free(buffer);
        }
    }
}
