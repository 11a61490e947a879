using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Tests;

public class CifarTests
{
    private static readonly string[] Cifar10Names =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    // Record r of a batch: plane p (0 R, 1 G, 2 B) at row y, column x holds (r * 7 + p * 50 + y * 3 + x) % 256.
    private static byte PlaneValue(int record, int plane, int y, int x) => (byte)((record * 7 + plane * 50 + y * 3 + x) % 256);

    private static byte[] Record(int record, params byte[] labels)
    {
        var bytes = new List<byte>(labels);
        for (var plane = 0; plane < 3; plane++)
        {
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 32; x++) bytes.Add(PlaneValue(record, plane, y, x));
            }
        }
        return [.. bytes];
    }

    internal static void WriteCifar10(string folder, int recordsPerBatch)
    {
        Directory.CreateDirectory(folder);
        // The real batches.meta.txt ends with blank lines.
        File.WriteAllText(Path.Combine(folder, "batches.meta.txt"), string.Join("\n", Cifar10Names) + "\n\n");
        var record = 0;
        for (var batch = 1; batch <= 5; batch++)
        {
            var bytes = Enumerable.Range(0, recordsPerBatch).SelectMany(_ => Record(record, (byte)(record++ % 10)));
            File.WriteAllBytes(Path.Combine(folder, $"data_batch_{batch}.bin"), [.. bytes]);
        }
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), [.. Record(0, 7), .. Record(1, 3)]);
    }

    [Fact]
    public void Cifar10_reads_all_five_training_batches_in_order_with_planes_interleaved()
    {
        using var root = new TempDirectory();
        WriteCifar10(Path.Combine(root.Path, Cifar10.FolderName), recordsPerBatch: 3);

        var train = Cifar10.Load(root.Path, train: true);

        Assert.Equal(15, train.Count);
        Assert.Equal(Cifar10Names, train.ClassNames);
        Assert.Equal((32, 32), train.FixedSize);
        Assert.Equal(3, train.Channels);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4], Enumerable.Range(0, 15).Select(train.GetLabel));
        var image = train.GetImage(13); // the second record of data_batch_5
        Assert.Equal((32, 32, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(
            (PlaneValue(13, 0, 5, 9), PlaneValue(13, 1, 5, 9), PlaneValue(13, 2, 5, 9)),
            (image[5, 9, 0], image[5, 9, 1], image[5, 9, 2]));
        Assert.Equal((byte)((13 * 7 + 2 * 50 + 31 * 3 + 31) % 256), image[31, 31, 2]);
    }

    [Fact]
    public void Cifar10_test_set_is_test_batch_and_the_folder_itself_is_accepted()
    {
        using var root = new TempDirectory();
        WriteCifar10(root.Path, recordsPerBatch: 1);

        var test = Cifar10.Load(root.Path, train: false);

        Assert.Equal(2, test.Count);
        Assert.Equal((7, 3), (test.GetLabel(0), test.GetLabel(1)));
        Assert.Equal(PlaneValue(1, 1, 0, 0), test.GetPixels(1)[1]);
    }

    [Fact]
    public void Cifar10_refuses_a_batch_that_is_not_whole_records()
    {
        using var root = new TempDirectory();
        WriteCifar10(root.Path, recordsPerBatch: 1);
        var batch = Path.Combine(root.Path, "test_batch.bin");
        File.WriteAllBytes(batch, Record(0, 7)[..^1]);

        var error = Assert.Throws<InvalidDataException>(() => Cifar10.Load(root.Path, train: false));

        Assert.Equal($"{batch}: 3072 bytes is not a whole number of 3073-byte CIFAR records", error.Message);
    }

    [Fact]
    public void Cifar10_refuses_a_label_without_a_class()
    {
        using var root = new TempDirectory();
        WriteCifar10(root.Path, recordsPerBatch: 1);
        File.WriteAllBytes(Path.Combine(root.Path, "test_batch.bin"), [.. Record(0, 1), .. Record(1, 10)]);

        var error = Assert.Throws<InvalidDataException>(() => Cifar10.Load(root.Path, train: false));

        Assert.EndsWith("test_batch.bin: record 1 has label 10, but there are 10 classes", error.Message);
    }

    [Theory]
    [InlineData(Cifar100Labels.Fine, 100, 99, 42, "fine42")]
    [InlineData(Cifar100Labels.Coarse, 20, 3, 5, "coarse5")]
    public void Cifar100_reads_the_chosen_label_of_each_record(
        Cifar100Labels kind, int classCount, int firstLabel, int secondLabel, string secondName)
    {
        using var root = new TempDirectory();
        var folder = Path.Combine(root.Path, Cifar100.FolderName);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "fine_label_names.txt"), Enumerable.Range(0, 100).Select(i => $"fine{i}"));
        File.WriteAllLines(Path.Combine(folder, "coarse_label_names.txt"), Enumerable.Range(0, 20).Select(i => $"coarse{i}"));
        // Records: (coarse 3, fine 99) and (coarse 5, fine 42).
        File.WriteAllBytes(Path.Combine(folder, "train.bin"), [.. Record(0, 3, 99), .. Record(1, 5, 42)]);

        var train = Cifar100.Load(root.Path, train: true, kind);

        Assert.Equal(2, train.Count);
        Assert.Equal(classCount, train.ClassNames.Count);
        Assert.Equal((firstLabel, secondLabel), (train.GetLabel(0), train.GetLabel(1)));
        Assert.Equal(secondName, train.ClassNames[secondLabel]);
        Assert.Equal(PlaneValue(1, 2, 31, 0), train.GetImage(1)[31, 0, 2]);
    }

    [Fact]
    public void A_folder_without_the_data_set_says_where_it_looked()
    {
        using var root = new TempDirectory();

        var error = Assert.Throws<DirectoryNotFoundException>(() => Cifar10.Load(root.Path, train: true));

        Assert.Contains(Path.Combine(root.Path, Cifar10.FolderName), error.Message);
    }
}
