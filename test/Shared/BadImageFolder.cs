using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Tests.Shared;

/// <summary>
/// A folder data set (root/dark, root/light) of good 24×24 PNGs plus the three bad files real folders collect:
/// a JPEG whose header is intact but whose body is cut off, a zero-byte PNG, and a text file named .jpg.
/// Deleted afterwards.
/// </summary>
internal sealed class BadImageFolder : IDisposable
{
    /// <param name="goodPerClass">Good images in each of the two classes.</param>
    /// <param name="jpeg">A valid JPEG to cut short (the test projects' Fixtures/colour.jpg).</param>
    public BadImageFolder(int goodPerClass, string jpeg)
    {
        BrightnessImages.Write(Root, goodPerClass, side: 24, seed: 3, ("dark", 40), ("light", 210));
        File.WriteAllBytes(TruncatedJpeg, CutAfterScanHeader(File.ReadAllBytes(jpeg)));
        File.WriteAllBytes(EmptyPng, []);
        File.WriteAllText(TextAsJpeg, "notes, not a photo\n");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mz-bad-images-" + Guid.NewGuid().ToString("N"));

    public string TruncatedJpeg => Path.Combine(Root, "dark", "truncated.jpg");

    public string EmptyPng => Path.Combine(Root, "light", "empty.png");

    public string TextAsJpeg => Path.Combine(Root, "light", "readme.jpg");

    /// <summary>The three bad files, sorted.</summary>
    public string[] BadFiles => [.. new[] { TruncatedJpeg, EmptyPng, TextAsJpeg }.Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Keeps every marker up to and including the start-of-scan header, then a few bytes of the entropy-coded body.</summary>
    private static byte[] CutAfterScanHeader(byte[] jpeg)
    {
        for (var i = 2; i + 3 < jpeg.Length; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] != 0xDA) continue;
            var headerEnd = i + 2 + (jpeg[i + 2] << 8 | jpeg[i + 3]);
            return jpeg[..Math.Min(jpeg.Length - 1, headerEnd + 4)];
        }
        throw new InvalidDataException("the JPEG has no start-of-scan marker");
    }
}
