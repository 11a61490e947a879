namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// What an encoded image may declare before any pixel memory is allocated or any pixel decoded. Each
/// check returns the reason for refusing, or null.
/// </summary>
internal static class ImageLimits
{
    /// <summary>The widest or tallest image accepted, in pixels.</summary>
    internal const int MaxSide = 32_768;

    /// <summary>
    /// The pixel count above which PIL raises DecompressionBombError (twice Image.MAX_IMAGE_PIXELS),
    /// so the images PIL refuses are refused here too; 4 bytes a pixel still fit one .NET array.
    /// </summary>
    internal const long MaxPixels = 178_956_970;

    /// <summary>
    /// The most scans a JPEG may have, as libjpeg-turbo's own fuzzers limit them: each scan passes over
    /// the whole image, so thousands of tiny scans would make a small file take minutes.
    /// </summary>
    internal const int MaxJpegScans = 500;

    /// <summary>Checks a header's size against the limits and against what <paramref name="encodedBytes"/> can hold.</summary>
    internal static string? HeaderViolation(int width, int height, long encodedBytes, ImageFormat format)
    {
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide)
            return $"image size {width}x{height} is outside 1..{MaxSide} pixels per side";
        long pixels = (long)width * height;
        if (pixels > MaxPixels)
            return $"image size {width}x{height} is {pixels} pixels, more than the limit of {MaxPixels} (a decompression bomb?)";
        // A forged header in a small file must never size an allocation.
        if (format.MaxPixelsPerByte is { } density && pixels > encodedBytes * density)
            return $"{format.Name} header declares {width}x{height} pixels, more than {encodedBytes} bytes can hold; " +
                   "the file is truncated or its header is damaged";
        return null;
    }

    /// <summary>Counts a JPEG's start-of-scan markers.</summary>
    /// <remarks>
    /// Entropy-coded data stuffs every 0xFF with 0x00, so each FF DA pair is a start of scan (or one inside
    /// an embedded thumbnail: a few more).
    /// </remarks>
    internal static string? JpegScanViolation(ReadOnlySpan<byte> jpeg)
    {
        ReadOnlySpan<byte> startOfScan = [0xFF, 0xDA];
        int scans = 0;
        for (var rest = jpeg; rest.IndexOf(startOfScan) is var at and >= 0; rest = rest[(at + startOfScan.Length)..])
        {
            if (++scans > MaxJpegScans)
                return $"JPEG has more than {MaxJpegScans} scans; refused, as decoding it could take minutes";
        }
        return null;
    }
}
