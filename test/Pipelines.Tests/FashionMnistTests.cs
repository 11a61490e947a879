using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Tests;

/// <summary>The real Fashion-MNIST from Debian's dataset-fashion-mnist package.</summary>
public class FashionMnistTests
{
    [Fact]
    public void Training_set_has_60000_images_with_the_published_first_labels_and_pixels()
    {
        var train = FashionMnist.Load(train: true);

        Assert.Equal(60000, train.Count);
        Assert.Equal((28, 28), train.FixedSize);
        Assert.Equal([9, 0, 0, 3, 0, 2, 7, 2, 5, 5], Enumerable.Range(0, 10).Select(train.GetLabel));
        Assert.Equal(Enumerable.Repeat(6000, 10), train.CountPerClass());
        Assert.Equal("Ankle boot", train.ClassNames[train.GetLabel(0)]);
        // Values read with numpy from the same files: row 14, columns 10..17 of the first image.
        var first = train.GetImage(0);
        Assert.Equal([0, 0, 237, 226, 217, 223, 222, 219], Enumerable.Range(10, 8).Select(x => first[14, x, 0]));
        Assert.Equal(76247, first.Pixels.Sum(p => p));
    }

    [Fact]
    public void Test_set_has_10000_images_balanced_over_the_classes()
    {
        var test = FashionMnist.Load(train: false);

        Assert.Equal(10000, test.Count);
        Assert.Equal([9, 2, 1, 1, 6], Enumerable.Range(0, 5).Select(test.GetLabel));
        Assert.Equal(Enumerable.Repeat(1000, 10), test.CountPerClass());
        Assert.Equal(110, test.GetImage(0)[14, 14, 0]);
        Assert.Equal(33456, test.GetImage(0).Pixels.Sum(p => p));
    }
}
