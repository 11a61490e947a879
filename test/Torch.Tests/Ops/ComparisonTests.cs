namespace ModelZoo.Torch.Tests.Ops;

public class ComparisonTests
{
    private static Tensor A() => torch.tensor(new float[] { 1, 2, 3 });
    private static Tensor B() => torch.tensor(new float[] { 3, 2, 1 });

    [Fact]
    public void ElementwiseComparisonsGiveBool()
    {
        Expect.Exactly(A().eq(B()), [3], new[] { false, true, false });
        Expect.Exactly(A().ne(B()), [3], new[] { true, false, true });
        Expect.Exactly(A().gt(B()), [3], new[] { false, false, true });
        Expect.Exactly(A().ge(B()), [3], new[] { false, true, true });
        Expect.Exactly(A().lt(B()), [3], new[] { true, false, false });
        Expect.Exactly(A().le(B()), [3], new[] { true, true, false });
    }

    [Fact]
    public void ComparisonsWithAScalar()
    {
        Expect.Exactly(A().gt(1.5), [3], new[] { false, true, true });
        Expect.Exactly(A().lt(2), [3], new[] { true, false, false });
        Expect.Exactly(A().eq(3), [3], new[] { false, false, true });
        Expect.Exactly(torch.tensor(new long[] { 1, 2 }).gt(1.5), [2], new[] { false, true });
    }

    [Fact]
    public void WherePicksFromTheFirstTensorWhereTheConditionHolds()
    {
        var condition = torch.tensor(new[] { true, false, true });
        Expect.Close(torch.where(condition, A(), torch.tensor(new float[] { 10, 20, 30 })), [3], [1, 20, 3]);
    }

    [Fact]
    public void WhereBroadcastsTheCondition()
    {
        var condition = A().gt(1.5).reshape(3, 1);
        var result = torch.where(condition, torch.ones([3, 2]), torch.zeros([3, 2]));
        Expect.Close(result, [3, 2], [0, 0, 1, 1, 1, 1]);
    }
}
