namespace ModelZoo.Torch.Tests.Ops;

public class ReductionTests
{
    // 1 2 3
    // 4 5 6
    private static Tensor X() => torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);

    [Fact]
    public void SumOverAllOrSomeDimensions()
    {
        Expect.Close(X().sum(), [], [21]);
        Expect.Close(X().sum(0), [3], [5, 7, 9]);
        Expect.Close(X().sum(1), [2], [6, 15]);
        Expect.Close(X().sum(-1, keepdim: true), [2, 1], [6, 15]);
        Expect.Close(X().sum([0, 1], keepdim: true), [1, 1], [21]);
    }

    [Fact]
    public void SumOfIntegersAccumulatesInInt64UnlessToldOtherwise()
    {
        var x = torch.tensor(new int[] { int.MaxValue, int.MaxValue });
        Expect.Exactly(x.sum(), [], new[] { 2L * int.MaxValue });
        Expect.Exactly(x.sum(type: ScalarType.Float64), [], new[] { 2.0 * int.MaxValue });
    }

    [Fact]
    public void MeanOverAllOrSomeDimensions()
    {
        Expect.Close(X().mean(), [], [3.5]);
        Expect.Close(X().mean(0), [3], [2.5, 3.5, 4.5]);
        Expect.Close(X().mean(1, keepdim: true), [2, 1], [2, 5]);
        Expect.Close(X().mean([0, 1], keepdim: true), [1, 1], [3.5]);
    }

    [Fact]
    public void AllFiniteSpotsNaNAndInfinity()
    {
        Assert.True(X().all_finite());
        Assert.False(torch.tensor(new[] { 1f, float.NaN }).all_finite());
        Assert.False(torch.tensor(new[] { float.NegativeInfinity }).all_finite());
    }

    [Fact]
    public void MaxAbsDiffAcrossTypesAndBroadcasting()
    {
        Assert.Equal(3.5, X().max_abs_diff(torch.tensor(new[] { 1.0, 2, 3, 4, 5, 9.5 }, 2, 3)));
        Assert.Equal(5.0, X().max_abs_diff(torch.zeros([3]).add(1)));
    }

    // 3 9 1
    // 7 2 8
    private static Tensor Y() => torch.tensor(new float[] { 3, 9, 1, 7, 2, 8 }, 2, 3);

    [Fact]
    public void MaxAndMinOverEverything()
    {
        Expect.Close(Y().max(), [], [9]);
        Expect.Close(Y().min(), [], [1]);
    }

    [Fact]
    public void MaxAndMinAlongADimensionReturnValuesAndIndices()
    {
        var (maxValues, maxIndices) = Y().max(1);
        Expect.Close(maxValues, [2], [9, 8]);
        Expect.Exactly(maxIndices, [2], new long[] { 1, 2 });

        var (minValues, minIndices) = Y().min(0, keepdim: true);
        Expect.Close(minValues, [1, 3], [3, 2, 1]);
        Expect.Exactly(minIndices, [1, 3], new long[] { 0, 1, 0 });
    }

    [Fact]
    public void Argmax()
    {
        Expect.Exactly(Y().argmax(), [], new long[] { 1 });
        Expect.Exactly(Y().argmax(0), [3], new long[] { 1, 0, 1 });
        Expect.Exactly(Y().argmax(1, keepdim: true), [2, 1], new long[] { 1, 2 });
    }

    [Fact]
    public void TopkLargestAndSmallest()
    {
        var x = torch.tensor(new float[] { 4, 1, 7, 3, 9 });
        var (values, indices) = x.topk(2);
        Expect.Close(values, [2], [9, 7]);
        Expect.Exactly(indices, [2], new long[] { 4, 2 });
        (values, indices) = x.topk(3, largest: false);
        Expect.Close(values, [3], [1, 3, 4]);
        Expect.Exactly(indices, [3], new long[] { 1, 3, 0 });
    }

    [Fact]
    public void TopkAlongTheFirstDimension()
    {
        var (values, indices) = Y().topk(1, dim: 0);
        Expect.Close(values, [1, 3], [7, 9, 8]);
        Expect.Exactly(indices, [1, 3], new long[] { 1, 0, 1 });
    }

    [Fact]
    public void SortAscendingAndDescending()
    {
        var x = torch.tensor(new float[] { 3, 1, 2 });
        var (values, indices) = x.sort();
        Expect.Close(values, [3], [1, 2, 3]);
        Expect.Exactly(indices, [3], new long[] { 1, 2, 0 });
        (values, indices) = x.sort(descending: true);
        Expect.Close(values, [3], [3, 2, 1]);
        Expect.Exactly(indices, [3], new long[] { 0, 2, 1 });
    }

    [Fact]
    public void SortEachRow()
    {
        var (values, indices) = Y().sort(1);
        Expect.Close(values, [2, 3], [1, 3, 9, 2, 7, 8]);
        Expect.Exactly(indices, [2, 3], new long[] { 2, 0, 1, 1, 0, 2 });
    }
}
