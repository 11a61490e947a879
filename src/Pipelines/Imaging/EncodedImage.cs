using System.Buffers;
using SkiaSharp;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// An encoded image opened with SkiaSharp: its format recognised, its header read (SKCodec reads only the
/// header until asked for pixels) and checked against <see cref="ImageLimits"/>, so no pixel memory is
/// allocated for an image the limits refuse. Every failure is an <see cref="InvalidDataException"/>
/// naming the source.
/// </summary>
/// <remarks>SkiaSharp reads the caller's bytes in place: they must stay pinned until this is disposed.</remarks>
internal sealed unsafe class EncodedImage : IDisposable
{
    // Offset of the colour type in a PNG: signature (8), IHDR length and type (8), width, height (8), bit depth (1).
    private const int PngColourTypeOffset = 25;
    private const byte PngGreyAlpha = 4;

    private readonly byte* _bytes;
    private readonly int _length;
    private readonly string? _sourceName;
    private readonly SKData _data;
    private readonly SKCodec _codec;
    private readonly ImageFormat _format;

    private EncodedImage(byte* bytes, int length, string? sourceName, SKData data, SKCodec codec, ImageFormat format)
    {
        _bytes = bytes;
        _length = length;
        _sourceName = sourceName;
        _data = data;
        _codec = codec;
        _format = format;
    }

    /// <summary>Opens <paramref name="length"/> pinned bytes at <paramref name="bytes"/> and checks the header.</summary>
    internal static EncodedImage Open(byte* bytes, int length, string? sourceName)
    {
        if (length == 0) throw Invalid(sourceName, "empty image data (0 bytes)");
        var format = ImageFormat.Sniff(new ReadOnlySpan<byte>(bytes, length))
            ?? throw Invalid(sourceName, $"not a {ImageFormat.AcceptedNames} image");

        var data = SKData.Create((IntPtr)bytes, length);
        var codec = SKCodec.Create(data);
        // Only the codec of the format the signature names may read the bytes, so the accepted formats stay exactly these.
        if (codec is null || codec.EncodedFormat != format.Skia)
        {
            codec?.Dispose();
            data.Dispose();
            throw Invalid(sourceName, $"invalid {format.Name} header");
        }
        var image = new EncodedImage(bytes, length, sourceName, data, codec, format);
        if (ImageLimits.HeaderViolation(image.Width, image.Height, length, format) is { } reason)
        {
            image.Dispose();
            throw Invalid(sourceName, reason);
        }
        return image;
    }

    private int Width => _codec.Info.Width;

    private int Height => _codec.Info.Height;

    // SkiaSharp reports grey + alpha PNGs as RGBA, so their colour type comes from the header.
    private bool IsGrey => _codec.Info.ColorType == SKColorType.Gray8
        || (_format == ImageFormat.Png && _bytes[PngColourTypeOffset] == PngGreyAlpha);

    /// <summary>The header's size and colour.</summary>
    internal ImageInfo Info => new(Width, Height, IsGrey ? 1 : 3);

    /// <summary>Decodes the pixels (a GIF's first frame) into <paramref name="channels"/> (1 or 3) channels.</summary>
    internal Image Decode(int channels)
    {
        if (_format == ImageFormat.Jpeg && ImageLimits.JpegScanViolation(new ReadOnlySpan<byte>(_bytes, _length)) is { } reason)
            throw Invalid(_sourceName, reason);

        int count = Width * Height;
        var pixels = new byte[count * channels];
        if (_codec.Info.ColorType == SKColorType.Gray8)
        {
            // Grey decodes straight into the result, spread to RGB there when asked for.
            ReadPixels(SKColorType.Gray8, pixels);
            if (channels == 3) ChannelConversion.GreyToRgbInPlace(pixels, count);
            return new Image(Width, Height, channels, pixels);
        }

        var rgba = ArrayPool<byte>.Shared.Rent(count * 4);
        try
        {
            ReadPixels(SKColorType.Rgba8888, rgba);
            if (channels == 3) ChannelConversion.RgbaToRgb(rgba.AsSpan(0, count * 4), pixels);
            else ChannelConversion.RgbaToGrey(rgba.AsSpan(0, count * 4), pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
        return new Image(Width, Height, channels, pixels);
    }

    /// <summary>
    /// Decodes into the first Width × Height pixels of <paramref name="target"/>. On success SkiaSharp has
    /// written every one of them (it fills what a GIF frame leaves uncovered); anything else throws, so a
    /// pooled buffer's old contents never come out.
    /// </summary>
    private void ReadPixels(SKColorType colorType, byte[] target)
    {
        // Unpremultiplied, with no colour space: samples as the file stores them, neither scaled by alpha
        // nor colour-managed, as PIL gives them.
        var info = new SKImageInfo(Width, Height, colorType, SKAlphaType.Unpremul);
        SKCodecResult result;
        fixed (byte* pixels = target)
            result = _codec.GetPixels(info, (IntPtr)pixels, info.RowBytes, SKCodecOptions.Default);
        if (result != SKCodecResult.Success) throw Invalid(_sourceName, $"invalid {_format.Name} data: {Describe(result)}");
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "premature end of data, the file is truncated",
        SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => "the encoded pixels are damaged",
        _ => $"SkiaSharp could not decode it ({result})",
    };

    private static InvalidDataException Invalid(string? sourceName, string reason) =>
        new(sourceName is null ? reason : $"{sourceName}: {reason}");

    /// <inheritdoc />
    public void Dispose()
    {
        _codec.Dispose();
        _data.Dispose();
    }
}
