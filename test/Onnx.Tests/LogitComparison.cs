namespace ModelZoo.Onnx.Tests;

/// <summary>How far two logit arrays are apart, relative to the spread of the expected ones.</summary>
internal static class LogitComparison
{
    public static double RelativeDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var range = expected.Max() - expected.Min();
        Assert.True(range > 0, "the reference logits are all equal: the comparison would say nothing");
        return expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max() / range;
    }
}
