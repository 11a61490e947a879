using TorchSharp;

namespace ModelZoo.Tests.Shared;

/// <summary>Assertions on tensor values with readable failure messages.</summary>
internal static class Expect
{
    /// <summary>The shape is <paramref name="shape"/> and every element is within a relative <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static void Close(torch.Tensor actual, long[] shape, double[] expected, double tolerance = 1e-6)
    {
        Assert.Equal(shape, actual.shape);
        using var asDouble = actual.to_type(torch.ScalarType.Float64);
        var values = asDouble.data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i] - expected[i]) > tolerance * Math.Max(1, Math.Abs(expected[i])))
                Assert.Fail($"element {i}: expected {expected[i]} but got {values[i]}\n" +
                            $"expected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", values)}]");
        }
    }
}
