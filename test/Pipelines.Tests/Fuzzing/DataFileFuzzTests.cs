using System.IO.Compression;
using System.Text;
using ModelZoo.Pipelines.Data;
using ModelZoo.Testing;

namespace ModelZoo.Pipelines.Tests.Fuzzing;

/// <summary>
/// Damaged data-set files (CIFAR batches, IDX pairs, list files) load or fail with an
/// <see cref="InvalidDataException"/> naming the file; nothing else escapes, nothing hangs.
/// </summary>
public sealed class DataFileFuzzTests : IDisposable
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private readonly TempDirectory folder = new(Fuzzer.ScratchRoot);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Damaged_cifar_batches_load_or_fail_with_InvalidDataException()
    {
        CifarTests.WriteCifar10(folder.Path, recordsPerBatch: 1);
        var batch = Path.Combine(folder.Path, "test_batch.bin");
        byte[] original = File.ReadAllBytes(batch);

        var (accepted, refused) = Fuzzer.Run(201, random => Fuzzer.Mutate(original, random), bytes =>
        {
            File.WriteAllBytes(batch, bytes);
            var test = Cifar10.Load(folder.Path, train: false);
            Assert.Equal(bytes.Length / 3073, test.Count);
        }, typeof(InvalidDataException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void Damaged_idx_files_raw_or_gzipped_load_or_fail_with_InvalidDataException()
    {
        // Three 2x3 images and their labels; the images file is the one damaged.
        byte[] images = [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 3, .. Enumerable.Range(0, 18).Select(i => (byte)(i * 13))];
        var imagesPath = folder.File("images");
        var labelsPath = folder.File("labels");
        File.WriteAllBytes(labelsPath, [0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 9]);
        byte[][] originals = [images, Gzip(images)];

        var (accepted, refused) = Fuzzer.Run(202, random => Fuzzer.Mutate(originals, random), bytes =>
        {
            File.WriteAllBytes(imagesPath, bytes);
            var data = IdxDataset.Load(imagesPath, labelsPath, Digits);
            Assert.Equal(3, data.Count);
        }, typeof(InvalidDataException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void Damaged_list_files_load_or_fail_with_InvalidDataException()
    {
        var list = folder.File("lists/train.txt");
        byte[] original = Encoding.UTF8.GetBytes(
            "birds/Black Skimmer/001.png 1\r\n\n/data/abs.png\t3\n  ../up.png   0  \nçà/é.png 2\n");

        var (accepted, refused) = Fuzzer.Run(203, random => Fuzzer.Mutate(original, random), bytes =>
        {
            File.WriteAllBytes(list, bytes);
            foreach (var (path, label) in ListFile.Read(list))
                Assert.True(Path.IsPathFullyQualified(path) && label >= 0, $"{path} {label}");
        }, typeof(InvalidDataException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    private static byte[] Gzip(byte[] data)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal)) gzip.Write(data);
        return packed.ToArray();
    }
}
