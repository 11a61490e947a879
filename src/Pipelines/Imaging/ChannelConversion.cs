using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// Between SkiaSharp's 1- and 4-byte pixels and the 1-, 2- and 3-channel layouts of <see cref="Image"/>.
/// Alpha is dropped, never blended, as PIL's convert("RGB") and convert("L") drop it.
/// </summary>
internal static class ChannelConversion
{
    // PIL's convert("L"): ITU-R 601 weights in 16-bit fixed point, rounded, so that grey values match
    // what a PyTorch pipeline sees; grey input stays exact because the weights sum to 65536.
    private const int RedWeight = 19595, GreenWeight = 38470, BlueWeight = 7471, Half = 1 << 15, Shift = 16;

    /// <summary>RGBA to RGB.</summary>
    /// <remarks>
    /// Every RGB image SkiaSharp decodes passes through here, so 4 pixels go at a time: one byte shuffle
    /// drops their alpha and the 16-byte store's last 4 bytes are overwritten by the next step.
    /// </remarks>
    internal static void RgbaToRgb(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        int from = 0, to = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var dropAlpha = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0xFF, 0xFF, 0xFF, 0xFF);
            ref byte source = ref MemoryMarshal.GetReference(rgba);
            ref byte target = ref MemoryMarshal.GetReference(rgb);
            for (; to + Vector128<byte>.Count <= rgb.Length; from += 16, to += 12)
                Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)from), dropAlpha).StoreUnsafe(ref target, (nuint)to);
        }
        for (; to < rgb.Length; from += 4, to += 3)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }
    }

    /// <summary>RGBA to grey.</summary>
    internal static void RgbaToGrey(ReadOnlySpan<byte> rgba, Span<byte> grey)
    {
        for (int from = 0, to = 0; to < grey.Length; from += 4, to++)
            grey[to] = (byte)((rgba[from] * RedWeight + rgba[from + 1] * GreenWeight + rgba[from + 2] * BlueWeight + Half) >> Shift);
    }

    /// <summary>
    /// Spreads the <paramref name="count"/> grey values at the start of <paramref name="pixels"/> to RGB
    /// over the whole span, back to front so that no value is overwritten before it is read.
    /// </summary>
    internal static void GreyToRgbInPlace(Span<byte> pixels, int count)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            byte value = pixels[i];
            pixels[3 * i] = value;
            pixels[3 * i + 1] = value;
            pixels[3 * i + 2] = value;
        }
    }

    /// <summary>RGB to opaque RGBA, for encoders that hold no 3-byte pixel.</summary>
    internal static byte[] RgbToRgba(ReadOnlySpan<byte> rgb) => Widen(rgb, 3, grey: false);

    /// <summary>Grey + alpha to RGBA, for encoders that hold no 2-byte pixel.</summary>
    internal static byte[] GreyAlphaToRgba(ReadOnlySpan<byte> greyAlpha) => Widen(greyAlpha, 2, grey: true);

    private static byte[] Widen(ReadOnlySpan<byte> source, int step, bool grey)
    {
        var rgba = new byte[source.Length / step * 4];
        for (int from = 0, to = 0; to < rgba.Length; from += step, to += 4)
        {
            rgba[to] = source[from];
            rgba[to + 1] = source[grey ? from : from + 1];
            rgba[to + 2] = source[grey ? from : from + 2];
            rgba[to + 3] = grey ? source[from + 1] : byte.MaxValue;
        }
        return rgba;
    }
}
