using SkiaSharp;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// The encoded formats <see cref="ImageDecoder"/> accepts, recognised by their first bytes (file
/// extensions lie), with the most pixels one byte of each can encode.
/// </summary>
internal sealed class ImageFormat
{
    /// <summary>The accepted formats as an error message lists them.</summary>
    internal const string AcceptedNames = "JPEG, PNG, BMP, GIF or WebP";

    // A flat progressive JPEG spends at least a bit per 8x8 block on its DC scan, 512 pixels a byte;
    // twice that for slack (arithmetic-coded flat images can go beyond and are refused).
    internal static readonly ImageFormat Jpeg = new("JPEG", SKEncodedImageFormat.Jpeg, 1024);

    // Deflate's best ratio, 1032:1, over rows of 1-bit pixels.
    internal static readonly ImageFormat Png = new("PNG", SKEncodedImageFormat.Png, 1032 * 8);

    // A run-length (RLE8/RLE4) packet of 2 bytes repeats a pixel up to 255 times; uncompressed BMP
    // stores at most 8 pixels a byte.
    internal static readonly ImageFormat Bmp = new("BMP", SKEncodedImageFormat.Bmp, 128);

    // An LZW code of at most 12 bits emits at most 4096 pixels.
    internal static readonly ImageFormat Gif = new("GIF", SKEncodedImageFormat.Gif, 4096);

    // Lossless WebP codes a flat image of any size in a few dozen bytes (16383x16383 white: 38), so
    // no density bound holds; WebP images meet the side and pixel limits only.
    internal static readonly ImageFormat WebP = new("WebP", SKEncodedImageFormat.Webp, null);

    private ImageFormat(string name, SKEncodedImageFormat skia, long? maxPixelsPerByte)
    {
        Name = name;
        Skia = skia;
        MaxPixelsPerByte = maxPixelsPerByte;
    }

    /// <summary>The name used in messages.</summary>
    internal string Name { get; }

    /// <summary>What SkiaSharp's codec must report for these bytes.</summary>
    internal SKEncodedImageFormat Skia { get; }

    /// <summary>
    /// How many pixels one byte can encode at the format's densest (a flat image), so that a header
    /// declaring more than the file could hold is refused before it sizes an allocation; null where the
    /// format has no such bound.
    /// </summary>
    internal long? MaxPixelsPerByte { get; }

    /// <summary>The format whose signature <paramref name="data"/> starts with; null for any other.</summary>
    internal static ImageFormat? Sniff(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : data.StartsWith("BM"u8) ? Bmp
        : data.StartsWith("GIF8"u8) ? Gif
        : data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) ? WebP
        : null;
}
