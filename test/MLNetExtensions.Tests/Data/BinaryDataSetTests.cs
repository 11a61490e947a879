using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions.Tests.Data;

/// <summary>MNIST, Fashion-MNIST and CIFAR as IDataViews: Label as the class name, Features as [C, H, W] floats in 0..255.</summary>
public sealed class BinaryDataSetTests : IDisposable
{
    private static readonly string[] Cifar10Names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mlnet-data");
    private readonly MLContext ml = new(seed: 1);

    public void Dispose() => folder.Delete(recursive: true);

    private static List<(string Label, float[] Features)> Rows(IDataView data, Random? shuffle = null)
    {
        using var cursor = data.GetRowCursor(data.Schema, shuffle);
        var getLabel = cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema["Label"]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(data.Schema["Features"]);
        var (label, features) = (default(ReadOnlyMemory<char>), default(VBuffer<float>));
        var rows = new List<(string, float[])>();
        while (cursor.MoveNext())
        {
            getLabel(ref label);
            getFeatures(ref features);
            rows.Add((label.ToString(), features.DenseValues().ToArray()));
        }
        return rows;
    }

    private static VectorDataViewType FeatureType(IDataView data) => Assert.IsType<VectorDataViewType>(data.Schema["Features"].Type);

    [Fact]
    public void Fashion_mnist_test_split_has_its_10000_images_as_28_by_28_grey_vectors_and_class_names()
    {
        var data = ml.Data.LoadFashionMnist(train: false);
        var source = FashionMnist.Load(train: false);

        Assert.Equal(10_000, data.GetRowCount());
        Assert.Equal(TextDataViewType.Instance, data.Schema["Label"].Type);
        Assert.Equal(NumberDataViewType.Single, FeatureType(data).ItemType);
        Assert.Equal([1, 28, 28], FeatureType(data).Dimensions.ToArray());
        var first = Rows(ml.Data.TakeRows(data, 3));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(FashionMnist.ClassNames[source.GetLabel(i)], first[i].Label);
            Assert.Equal(source.GetPixels(i).ToArray().Select(b => (float)b), first[i].Features);
        }
    }

    [Fact]
    public void A_shuffled_cursor_gives_the_same_rows_in_another_order()
    {
        var source = ml.Data.LoadFashionMnist(train: false);

        var inOrder = Rows(source).Select(r => r.Label + string.Join(',', r.Features.Take(200))).ToList();
        var shuffled = Rows(source, new Random(5)).Select(r => r.Label + string.Join(',', r.Features.Take(200))).ToList();

        Assert.True(source.CanShuffle);
        Assert.NotEqual(inOrder, shuffled);
        Assert.Equal(inOrder.Order(), shuffled.Order());
    }

    [Fact]
    public void Mnist_pixels_keep_their_row_and_column()
    {
        SyntheticDataFiles.WriteMnistTest(folder.FullName);

        var rows = Rows(ml.Data.LoadMnist(folder.FullName, train: false));

        Assert.Equal(["7", "2"], rows.Select(r => r.Label));
        var expected = from y in Enumerable.Range(0, 3) from x in Enumerable.Range(0, 4) select (float)SyntheticDataFiles.IdxPixel(1, y, x);
        Assert.Equal(expected, rows[1].Features);
    }

    [Fact]
    public void Cifar10_features_are_channel_major_as_ExtractPixels_writes_them()
    {
        SyntheticDataFiles.WriteCifar10Test(folder.FullName, Cifar10Names);

        var data = ml.Data.LoadCifar10(folder.FullName, train: false);
        var rows = Rows(data);

        Assert.Equal([3, 32, 32], FeatureType(data).Dimensions.ToArray());
        Assert.Equal(["cat", "ship"], rows.Select(r => r.Label));
        var expected = from c in Enumerable.Range(0, 3) from y in Enumerable.Range(0, 32) from x in Enumerable.Range(0, 32)
                       select (float)SyntheticDataFiles.CifarPixel(1, c, y, x);
        Assert.Equal(expected, rows[1].Features);
    }

    [Theory]
    [InlineData(true, "fine42", "fine99")]
    [InlineData(false, "coarse1", "coarse19")]
    public void Cifar100_gives_the_fine_or_the_coarse_class_names(bool fine, string first, string second)
    {
        SyntheticDataFiles.WriteCifar100Test(folder.FullName);

        var rows = Rows(ml.Data.LoadCifar100(folder.FullName, train: false, fineLabels: fine));

        Assert.Equal([first, second], rows.Select(r => r.Label));
        Assert.Equal((float)SyntheticDataFiles.CifarPixel(0, 2, 5, 6), rows[0].Features[2 * 1024 + 5 * 32 + 6]);
    }

    [Fact]
    public void Missing_files_are_named_in_one_line()
    {
        var missing = Path.Combine(folder.FullName, "nowhere");

        var fashion = Assert.Throws<FileNotFoundException>(() => ml.Data.LoadFashionMnist(directory: missing));
        var cifar = Assert.Throws<DirectoryNotFoundException>(() => ml.Data.LoadCifar10(missing));

        Assert.Contains(Path.Combine(missing, "train-images-idx3-ubyte"), fashion.Message);
        Assert.Contains(missing, cifar.Message);
        Assert.DoesNotContain('\n', fashion.Message + cifar.Message);
    }

    [Fact]
    public void A_subset_of_a_data_set_loads_as_the_same_rows_the_whole_set_starts_with()
    {
        var subset = FashionMnist.Load(train: false).Take(5);

        var data = ml.Data.LoadImageDataset(subset);

        Assert.Equal(5, data.GetRowCount());
        Assert.Equal([1L, 28, 28], FeatureType(data).Dimensions.Select(d => (long)d));
        var (expected, actual) = (Rows(ml.Data.TakeRows(ml.Data.LoadFashionMnist(train: false), 5)), Rows(data));
        Assert.Equal(expected.Select(r => r.Label), actual.Select(r => r.Label));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Features, pair.Second.Features));
    }
}
