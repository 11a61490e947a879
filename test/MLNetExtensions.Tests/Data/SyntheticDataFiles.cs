namespace ModelZoo.MLNetExtensions.Tests.Data;

/// <summary>
/// Small MNIST (IDX) and CIFAR (binary) files whose every pixel value says where it sits, so a test can tell
/// whether a loader put each value in its channel-major place.
/// </summary>
internal static class SyntheticDataFiles
{
    /// <summary>MNIST image <paramref name="image"/>'s pixel at row y, column x (3×4 images).</summary>
    internal static byte IdxPixel(int image, int y, int x) => (byte)(100 * image + 10 * y + x);

    /// <summary>CIFAR record <paramref name="record"/>'s value in plane (channel) c at row y, column x.</summary>
    internal static byte CifarPixel(int record, int c, int y, int x) => (byte)((record * 7 + c * 50 + y * 3 + x) % 256);

    /// <summary>The MNIST test split: two 3×4 images labelled 7 and 2.</summary>
    internal static void WriteMnistTest(string folder)
    {
        byte[] Header(byte dimensionCount, params int[] dimensions) =>
            [0, 0, 0x08, dimensionCount, .. dimensions.SelectMany(d => new[] { (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d })];
        var pixels = from image in Enumerable.Range(0, 2) from y in Enumerable.Range(0, 3) from x in Enumerable.Range(0, 4) select IdxPixel(image, y, x);
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte"), [.. Header(3, 2, 3, 4), .. pixels]);
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte"), [.. Header(1, 2), 7, 2]);
    }

    /// <summary>CIFAR-10's test batch of two records labelled 3 and 8, with batches.meta.txt.</summary>
    internal static void WriteCifar10Test(string folder, IReadOnlyList<string> classNames)
    {
        File.WriteAllText(Path.Combine(folder, "batches.meta.txt"), string.Join("\n", classNames) + "\n\n");
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), [.. CifarRecord(0, 3), .. CifarRecord(1, 8)]);
    }

    /// <summary>CIFAR-100's test file of two records with (coarse, fine) labels (1, 42) and (19, 99), with both name files.</summary>
    internal static void WriteCifar100Test(string folder)
    {
        File.WriteAllLines(Path.Combine(folder, "fine_label_names.txt"), Enumerable.Range(0, 100).Select(i => $"fine{i}"));
        File.WriteAllLines(Path.Combine(folder, "coarse_label_names.txt"), Enumerable.Range(0, 20).Select(i => $"coarse{i}"));
        File.WriteAllBytes(Path.Combine(folder, "test.bin"), [.. CifarRecord(0, 1, 42), .. CifarRecord(1, 19, 99)]);
    }

    private static byte[] CifarRecord(int record, params byte[] labels) =>
        [.. labels, .. from c in Enumerable.Range(0, 3) from y in Enumerable.Range(0, 32) from x in Enumerable.Range(0, 32) select CifarPixel(record, c, y, x)];
}
