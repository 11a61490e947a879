using SkiaSharp;

namespace ModelZoo.MLNetExtensions.Tests.Data;

/// <summary>PNG files in one folder per class: "dark" images (channels 0..84) and "bright" ones (170..254), which a few epochs tell apart.</summary>
internal static class PngFolder
{
    internal static readonly (string Label, int Low)[] Classes = [("dark", 0), ("bright", 170)];

    /// <summary>Writes <paramref name="perClass"/> random <paramref name="side"/>-pixel squares per class under <paramref name="root"/>.</summary>
    internal static void Write(string root, int perClass, int side, int seed = 3)
    {
        var random = new Random(seed);
        foreach (var (label, low) in Classes)
        {
            Directory.CreateDirectory(Path.Combine(root, label));
            for (var i = 0; i < perClass; i++)
            {
                using var bitmap = new SKBitmap(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque);
                for (var y = 0; y < side; y++)
                    for (var x = 0; x < side; x++)
                        bitmap.SetPixel(x, y, new SKColor((byte)(low + random.Next(85)), (byte)(low + random.Next(85)), (byte)(low + random.Next(85))));
                using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(Path.Combine(root, label, $"{i}.png"), png.ToArray());
            }
        }
    }
}
