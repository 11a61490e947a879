using Microsoft.ML;
using SkiaSharp;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// PNG files in one folder per class, dark and bright images, which a few epochs tell apart; deleted on Dispose.
/// </summary>
public sealed class PngClassFolders : IDisposable
{
    public const int ImagesPerClass = 24;
    public const int Side = 32;

    /// <summary>A row naming one file: its path relative to <see cref="Root"/> and its folder's name.</summary>
    public sealed class ImageFile
    {
        public string ImagePath { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mlnet-png");

    public PngClassFolders()
    {
        var random = new Random(3);
        foreach (var (label, low) in new[] { ("dark", 0), ("bright", 170) })
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, label));
            for (var i = 0; i < ImagesPerClass; i++)
            {
                using var bitmap = new SKBitmap(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque);
                for (var y = 0; y < Side; y++)
                    for (var x = 0; x < Side; x++)
                        bitmap.SetPixel(x, y, new SKColor((byte)(low + random.Next(85)), (byte)(low + random.Next(85)), (byte)(low + random.Next(85))));
                using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(Path.Combine(folder.FullName, label, $"{i}.png"), png.ToArray());
            }
        }
    }

    /// <summary>The folder holding the class folders.</summary>
    public string Root => folder.FullName;

    /// <summary>One row per PNG file under <see cref="Root"/>, in path order.</summary>
    public IDataView Files(MLContext ml) => ml.Data.LoadFromEnumerable(
        Directory.GetFiles(Root, "*.png", SearchOption.AllDirectories).Order()
            .Select(path => new ImageFile { ImagePath = Path.GetRelativePath(Root, path), Label = Path.GetFileName(Path.GetDirectoryName(path))! })
            .ToList());

    public void Dispose() => folder.Delete(recursive: true);
}
