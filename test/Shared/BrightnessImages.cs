using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Tests.Shared;

/// <summary>
/// A folder data set that a small network learns in an epoch or two: one sub-folder per class of square RGB PNGs
/// (00.png, 01.png, ...) whose pixels are the class's brightness plus noise in [-30, 30), the same for the same seed.
/// </summary>
internal static class BrightnessImages
{
    public static void Write(string root, int perClass, int side, int seed, params (string Class, int Level)[] classes)
    {
        var random = new Random(seed);
        foreach (var (label, level) in classes)
        {
            Directory.CreateDirectory(Path.Combine(root, label));
            for (var i = 0; i < perClass; i++)
            {
                var pixels = new byte[side * side * 3];
                for (var p = 0; p < pixels.Length; p++) pixels[p] = (byte)Math.Clamp(level + random.Next(-30, 30), 0, 255);
                ImageEncoder.SavePng(new Image(side, side, 3, pixels), Path.Combine(root, label, $"{i:D2}.png"));
            }
        }
    }
}
