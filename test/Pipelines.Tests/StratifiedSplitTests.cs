using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Tests;

public class StratifiedSplitTests
{
    // 10 examples of class 0, 20 of class 1, 7 of class 2, interleaved; pixel value = example index.
    private static InMemoryImageDataset Dataset()
    {
        int[] perClass = [10, 20, 7];
        var labels = new List<int>();
        for (var i = 0; labels.Count < perClass.Sum(); i++)
        {
            var label = i % 3;
            if (labels.Count(l => l == label) < perClass[label]) labels.Add(label);
        }
        var pixels = Enumerable.Range(0, labels.Count).Select(i => (byte)i).ToArray();
        return new InMemoryImageDataset(pixels, [.. labels], 1, 1, 1, ["a", "b", "c"]);
    }

    [Fact]
    public void Each_class_is_split_in_the_requested_proportions()
    {
        var split = Dataset().Split(0.7, seed: 1, validationRatio: 0.2);

        // round(n * 0.7), round(n * 0.2), rest: 10 -> 7/2/1, 20 -> 14/4/2, 7 -> 5/1/1 (4.9 and 1.4 round to 5 and 1).
        Assert.Equal([7, 14, 5], split.Train.CountPerClass());
        Assert.Equal([2, 4, 1], split.Validation.CountPerClass());
        Assert.Equal([1, 2, 1], split.Test.CountPerClass());
    }

    [Fact]
    public void Parts_are_disjoint_cover_the_data_set_and_keep_its_order()
    {
        var dataset = Dataset();

        var split = dataset.Split(0.6, seed: 3, validationRatio: 0.1);

        int[] all = [.. split.Train.Indices, .. split.Validation.Indices, .. split.Test.Indices];
        Assert.Equal(Enumerable.Range(0, dataset.Count), all.Order());
        Assert.Equal(split.Train.Indices.Order(), split.Train.Indices);
        for (var i = 0; i < split.Test.Count; i++)
        {
            var source = split.Test.Indices[i];
            Assert.Equal(dataset.GetLabel(source), split.Test.GetLabel(i));
            Assert.Equal(source, split.Test.GetImage(i).Pixels[0]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        var dataset = Dataset();

        var first = dataset.Split(0.7, seed: 42);
        var again = dataset.Split(0.7, seed: 42);
        var other = dataset.Split(0.7, seed: 43);

        Assert.Equal(first.Train.Indices, again.Train.Indices);
        Assert.Equal(first.Test.Indices, again.Test.Indices);
        Assert.NotEqual(first.Train.Indices, other.Train.Indices);
        Assert.Equal(first.Train.CountPerClass(), other.Train.CountPerClass());
        Assert.Equal(0, first.Validation.Count);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.2, 0.0)]
    [InlineData(0.8, 0.3)]
    [InlineData(0.5, -0.1)]
    public void Impossible_ratios_are_rejected(double train, double validation)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dataset().Split(train, seed: 0, validationRatio: validation));
    }
}
