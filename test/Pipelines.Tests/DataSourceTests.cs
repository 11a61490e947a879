using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.Pipelines.Tests;

public sealed class DataSourceTests
{
    [Fact]
    public void FashionMnistWithoutAPathIsTheDebianPackage()
    {
        var data = DataSource.Open("fashion-mnist");
        Assert.Equal((60000, 10000), (data.Train.Count, data.Test.Count));
        Assert.Equal(28, data.NativeSize);
        Assert.Equal(1, data.Train.Channels);
        Assert.Equal("Ankle boot", data.ClassNames[9]);
        Assert.Equal(Preprocessing.FashionMnistMean, data.Mean);
    }

    [Fact]
    public void Cifar10FolderOpensTrainAndTestBatches()
    {
        using var root = new TempDirectory();
        var folder = Path.Combine(root.Path, "cifar-10-batches-bin");
        CifarTests.WriteCifar10(folder, recordsPerBatch: 3);
        var data = DataSource.Open("cifar10:" + folder);
        Assert.Equal((15, 2), (data.Train.Count, data.Test.Count));
        Assert.Equal(32, data.NativeSize);
        Assert.Equal(Preprocessing.Cifar10Std, data.Std);
        Assert.Equal(7, data.Test.GetLabel(0));
    }

    [Fact]
    public void ListFilesGiveTrainAndTestOrAreSplit()
    {
        using var root = new TempDirectory();
        var lines = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var file = root.File($"photos/img {i}.png");
            ImageEncoder.SavePng(new Image(4, 4, 3, Enumerable.Repeat((byte)(i * 10), 48).ToArray()), file);
            lines.Add($"photos/img {i}.png {i % 2}");
        }
        File.WriteAllLines(root.File("train.txt"), lines.Take(14));
        File.WriteAllLines(root.File("test.txt"), lines.Skip(14));
        var both = DataSource.Open($"list:{root.File("train.txt")},{root.File("test.txt")}");
        Assert.Equal((14, 6), (both.Train.Count, both.Test.Count));
        Assert.Null(both.NativeSize);

        var split = DataSource.Open($"list:{root.File("train.txt")}", trainRatio: 0.5, seed: 3);
        // 7 examples per class, half of them rounded up: 4 + 4 for training.
        Assert.Equal((8, 6), (split.Train.Count, split.Test.Count));
    }

    [Theory]
    [InlineData("imagenet:/data", "unknown data source 'imagenet:/data'")]
    [InlineData("cifar10", "needs a path")]
    [InlineData("list:/no/train.txt", "list file not found: /no/train.txt")]
    [InlineData("", "no data source given")]
    public void BadSourcesAreNamedInTheError(string source, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => DataSource.Open(source));
        Assert.Contains(expected, error.Message);
    }
}
