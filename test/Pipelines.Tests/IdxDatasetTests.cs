using System.IO.Compression;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Tests;

public class IdxDatasetTests
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private static byte[] Header(byte dimensionCount, params int[] dimensions)
    {
        var bytes = new List<byte> { 0, 0, 0x08, dimensionCount };
        foreach (var d in dimensions) bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        return [.. bytes];
    }

    // Three 2x3 images; image i, row y, column x holds 100 * i + 10 * y + x.
    private static byte[] Images() =>
        [.. Header(3, 3, 2, 3), .. Enumerable.Range(0, 18).Select(k => (byte)(100 * (k / 6) + 10 * (k % 6 / 3) + k % 3))];

    private static byte[] Labels() => [.. Header(1, 3), 7, 0, 9];

    private static byte[] Gzip(byte[] data)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal)) gzip.Write(data);
        return packed.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_images_and_labels_raw_or_gzipped(bool gzipped)
    {
        using var folder = new TempDirectory();
        var suffix = gzipped ? ".gz" : "";
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte" + suffix), gzipped ? Gzip(Images()) : Images());
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte" + suffix), gzipped ? Gzip(Labels()) : Labels());

        var test = Mnist.Load(train: false, folder.Path);

        Assert.Equal(3, test.Count);
        Assert.Equal((2, 3), test.FixedSize);
        Assert.Equal(1, test.Channels);
        Assert.Equal(Digits, test.ClassNames);
        Assert.Equal([7, 0, 9], Enumerable.Range(0, 3).Select(test.GetLabel));
        var image = test.GetImage(2);
        Assert.Equal((3, 2, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal([200, 201, 202, 210, 211, 212], image.Pixels);
    }

    [Fact]
    public void A_header_promising_more_images_than_present_is_refused_before_allocating()
    {
        using var folder = new TempDirectory();
        var images = folder.File("images");
        // 2^31 - 1 images of 60000 x 60000 would be exabytes; the file holds 4 bytes of pixels.
        File.WriteAllBytes(images, [.. Header(3, int.MaxValue, 60000, 60000), 1, 2, 3, 4]);
        File.WriteAllBytes(folder.File("labels"), Labels());

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Load(images, folder.File("labels"), Digits));

        Assert.Equal(
            $"{images}: header dimensions [2147483647, 60000, 60000] describe more values than the file's 20 bytes",
            error.Message);
    }

    [Fact]
    public void A_file_longer_than_its_header_says_is_refused()
    {
        using var folder = new TempDirectory();
        var labels = folder.File("labels");
        File.WriteAllBytes(labels, [.. Labels(), 5]);
        File.WriteAllBytes(folder.File("images"), Images());

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Load(folder.File("images"), labels, Digits));

        Assert.Equal($"{labels}: header dimensions [3] need 8 + 3 bytes, the file holds 12", error.Message);
    }

    [Fact]
    public void A_gzipped_file_is_unpacked_only_as_far_as_its_header_declares()
    {
        using var folder = new TempDirectory();
        var labels = folder.File("labels.gz");
        // Three labels declared, then 256 MB of zeros, which gzip packs into a quarter of a megabyte.
        using (var gzip = new GZipStream(File.Create(labels), CompressionLevel.Fastest))
        {
            gzip.Write(Labels());
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 256; i++) gzip.Write(zeros);
        }
        File.WriteAllBytes(folder.File("images"), Images());
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Load(folder.File("images"), labels, Digits));

        Assert.Equal($"{labels}: header dimensions [3] need 8 + 3 bytes, the file holds more", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 16 << 20, "the whole file was unpacked");
    }

    [Fact]
    public void Images_without_pixels_are_refused()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.File("images"), Header(3, 3, 0, 5));
        File.WriteAllBytes(folder.File("labels"), Labels());

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Load(folder.File("images"), folder.File("labels"), Digits));

        Assert.Equal($"{folder.File("images")}: images of 0x5 pixels have no pixels", error.Message);
    }

    [Fact]
    public void Labels_swapped_for_images_are_refused_by_their_magic()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.File("images"), Images());
        File.WriteAllBytes(folder.File("labels"), Labels());

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Load(folder.File("labels"), folder.File("images"), Digits));

        Assert.Contains("magic 00000801 is not that of unsigned-byte IDX data with 3 dimensions", error.Message);
    }

    [Fact]
    public void Image_and_label_counts_must_agree()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.File("images"), Images());
        File.WriteAllBytes(folder.File("labels"), [.. Header(1, 2), 1, 2]);

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.Load(folder.File("images"), folder.File("labels"), Digits));

        Assert.StartsWith($"{folder.File("labels")}: 2 labels for the 3 images", error.Message);
    }

    [Fact]
    public void Missing_files_name_both_spellings()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load(train: true, folder.Path));

        var plain = Path.Combine(folder.Path, "train-images-idx3-ubyte");
        Assert.Equal($"neither {plain} nor {plain}.gz exists", error.Message);
    }
}
