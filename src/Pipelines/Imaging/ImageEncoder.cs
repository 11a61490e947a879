using SkiaSharp;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>Writes images as 8-bit PNG (lossless) through SkiaSharp, for prediction grids and curve plots.</summary>
public static class ImageEncoder
{
    /// <summary>Encodes <paramref name="image"/> as a PNG file's bytes: grey, RGB, or RGBA where it has alpha.</summary>
    /// <exception cref="InvalidOperationException">SkiaSharp could not encode it.</exception>
    public static unsafe byte[] EncodePng(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        // SkiaSharp holds 1- and 4-byte pixels only; an opaque RGBA pixmap becomes an RGB PNG.
        var (colorType, alphaType, pixels) = image.Channels switch
        {
            1 => (SKColorType.Gray8, SKAlphaType.Opaque, image.Pixels),
            2 => (SKColorType.Rgba8888, SKAlphaType.Unpremul, ChannelConversion.GreyAlphaToRgba(image.Pixels)),
            3 => (SKColorType.Rgba8888, SKAlphaType.Opaque, ChannelConversion.RgbToRgba(image.Pixels)),
            _ => (SKColorType.Rgba8888, SKAlphaType.Unpremul, image.Pixels),
        };
        var info = new SKImageInfo(image.Width, image.Height, colorType, alphaType);
        fixed (byte* data = pixels)
        {
            using var pixmap = new SKPixmap(info, (IntPtr)data, info.RowBytes);
            using var png = pixmap.Encode(SKPngEncoderOptions.Default)
                ?? throw new InvalidOperationException($"PNG encoding of a {image.Width}x{image.Height}x{image.Channels} image failed");
            return png.ToArray();
        }
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> as a PNG file.</summary>
    public static void SavePng(Image image, string path) => File.WriteAllBytes(path, EncodePng(image));
}
