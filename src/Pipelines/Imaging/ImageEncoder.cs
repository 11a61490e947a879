namespace ModelZoo.Pipelines.Imaging;

/// <summary>Writes images as 8-bit PNG (lossless), for prediction grids and curve plots.</summary>
public static class ImageEncoder
{
    /// <summary>Encodes <paramref name="image"/> as a PNG file's bytes.</summary>
    public static unsafe byte[] EncodePng(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        fixed (byte* pixels = image.Pixels)
        {
            var status = NativeImageMethods.EncodePng(pixels, image.Width, image.Height, image.Channels, out var png, out var size);
            if (status != 0)
                throw new InvalidOperationException($"PNG encoding failed: {NativeImageMethods.LastErrorMessage()}");
            return NativeImageMethods.TakeBuffer(png, size);
        }
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> as a PNG file.</summary>
    public static void SavePng(Image image, string path) => File.WriteAllBytes(path, EncodePng(image));
}
