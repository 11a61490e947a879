namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// Images other libraries hold as 4-byte pixels (ML.NET's MLImage, SkiaSharp bitmaps) as an <see cref="Image"/> of
/// 1 or 3 channels, converted as the decoder converts: alpha dropped, grey by PIL's convert("L") weights.
/// </summary>
public static class RgbaPixels
{
    /// <summary>
    /// Copies <paramref name="pixels"/> (RGBA, or BGRA when <paramref name="blueFirst"/>; rows top to bottom) into an
    /// image of <paramref name="channels"/> channels.
    /// </summary>
    /// <exception cref="ArgumentException">The span is not width × height × 4 bytes, or channels is not 1 or 3.</exception>
    public static Image ToImage(ReadOnlySpan<byte> pixels, int width, int height, bool blueFirst, int channels)
    {
        ChannelCount.RequireGreyOrRgb(channels);
        if (pixels.Length != (long)width * height * 4)
            throw new ArgumentException($"a {width}x{height} image of 4-byte pixels needs {(long)width * height * 4} bytes, got {pixels.Length}", nameof(pixels));
        var rgba = pixels;
        if (blueFirst)
        {
            var swapped = pixels.ToArray();
            for (var i = 0; i < swapped.Length; i += 4) (swapped[i], swapped[i + 2]) = (swapped[i + 2], swapped[i]);
            rgba = swapped;
        }
        var result = new byte[width * height * channels];
        if (channels == 3) ChannelConversion.RgbaToRgb(rgba, result);
        else ChannelConversion.RgbaToGrey(rgba, result);
        return new Image(width, height, channels, result);
    }
}
