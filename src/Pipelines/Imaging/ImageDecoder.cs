namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// Decodes JPEG, PNG, BMP, GIF (first frame) and WebP images through SkiaSharp, recognised by their
/// content rather than their extension; any other format is refused. Colour becomes grey with PIL's
/// convert("L") weights (ITU-R 601), alpha is dropped and 16-bit samples keep their high byte, so the
/// pixels match what PIL's convert("RGB") / convert("L") give a PyTorch pipeline.
/// </summary>
/// <remarks>
/// The header is checked before any pixel memory is allocated (limits in ImageLimits.cs): a side over
/// 32,768 pixels, more than 178,956,970 pixels (where PIL raises DecompressionBombError), more pixels than
/// the file's bytes could encode at the format's densest and a JPEG of over 500 scans are refused with an
/// <see cref="InvalidDataException"/>. Damaged or truncated data ends in that exception too.
/// </remarks>
public static class ImageDecoder
{
    /// <summary>Reads and decodes the image file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="channels">1 for grey, 3 for RGB.</param>
    /// <exception cref="InvalidDataException">The file is not a readable image; the message names it and says why.</exception>
    public static Image Decode(string path, int channels) => Decode(File.ReadAllBytes(path), channels, path);

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="channels">1 for grey, 3 for RGB.</param>
    /// <param name="sourceName">Where the bytes came from, named in error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are not a readable image; the message says why.</exception>
    public static unsafe Image Decode(ReadOnlySpan<byte> bytes, int channels, string? sourceName = null)
    {
        ChannelCount.RequireGreyOrRgb(channels);
        fixed (byte* data = bytes)
        {
            using var image = EncodedImage.Open(data, bytes.Length, sourceName);
            return image.Decode(channels);
        }
    }

    /// <summary>Reads only the header of the image file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable image; the message names it and says why.</exception>
    public static ImageInfo ReadInfo(string path) => ReadInfo(File.ReadAllBytes(path), path);

    /// <summary>Reads only the header of an encoded image held in memory.</summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="sourceName">Where the bytes came from, named in error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are not a readable image; the message says why.</exception>
    public static unsafe ImageInfo ReadInfo(ReadOnlySpan<byte> bytes, string? sourceName = null)
    {
        fixed (byte* data = bytes)
        {
            using var image = EncodedImage.Open(data, bytes.Length, sourceName);
            return image.Info;
        }
    }
}
