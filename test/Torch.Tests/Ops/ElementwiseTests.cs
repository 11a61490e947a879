namespace ModelZoo.Torch.Tests.Ops;

public class ElementwiseTests
{
    [Fact]
    public void RsqrtSignFloorReciprocal()
    {
        Expect.Close(torch.tensor(new[] { 4f, 0.25f }).rsqrt(), [2], [0.5, 2]);
        Expect.Close(torch.tensor(new[] { -2f, 0f, 3f }).sign(), [3], [-1, 0, 1]);
        Expect.Close(torch.tensor(new[] { -1.5f, 1.5f, 2f }).floor(), [3], [-2, 1, 2]);
        Expect.Close(torch.tensor(new[] { 2f, -4f }).reciprocal(), [2], [0.5, -0.25]);
    }

    [Fact]
    public void RoundGoesHalfToEven() =>
        Expect.Close(torch.tensor(new[] { 0.5f, 1.5f, 2.5f, -0.5f, 2.6f }).round(), [5], [0, 2, 2, 0, 3]);

    [Fact]
    public void MaximumAndMinimumPairElements()
    {
        var a = torch.tensor(new[] { 1f, 5f, -3f });
        var b = torch.tensor(new[] { 2f, 4f, -3f });
        Expect.Close(a.maximum(b), [3], [2, 5, -3]);
        Expect.Close(a.minimum(b), [3], [1, 4, -3]);
    }

    [Fact]
    public void MatmulMultipliesMatrices()
    {
        // [1 2 3]   [1 0]
        // [4 5 6] x [2 1] = [1 + 4, 2 + 3; 4 + 10, 5 + 6]
        //           [0 1]
        var a = torch.tensor(new[] { 1f, 2, 3, 4, 5, 6 }, 2, 3);
        var b = torch.tensor(new[] { 1f, 0, 2, 1, 0, 1 }, 3, 2);
        Expect.Close(a.matmul(b), [2, 2], [5, 5, 14, 11]);
    }

    [Fact]
    public void BatchedMatmulBroadcastsTheMatrix()
    {
        var batch = torch.tensor(new[] { 1f, 0, 0, 1, 2, 0, 0, 2 }, 2, 2, 2);
        var m = torch.tensor(new[] { 1f, 2, 3, 4 }, 2, 2);
        Expect.Close(batch.matmul(m), [2, 2, 2], [1, 2, 3, 4, 2, 4, 6, 8]);
    }

    [Fact]
    public void InPlaceUnaryOps()
    {
        var x = torch.tensor(new[] { 4f, 0.25f });
        Assert.Same(x, x.sqrt_());
        Expect.Close(x, [2], [2, 0.5]);
        Assert.Same(x, x.log_());
        Expect.Close(x, [2], [Math.Log(2), -Math.Log(2)]);
        Assert.Same(x, x.neg_());
        Expect.Close(x, [2], [-Math.Log(2), Math.Log(2)]);
        Assert.Same(x, x.abs_());
        Expect.Close(x, [2], [Math.Log(2), Math.Log(2)]);
        Assert.Same(x, x.exp_());
        Expect.Close(x, [2], [2, 2]);
    }
}
