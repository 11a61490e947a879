namespace ModelZoo.Torch.Tests.Support;

/// <summary>Compares a tensor with expected values written out by hand in the test.</summary>
internal static class Expect
{
    /// <summary>Shape and values within <paramref name="tolerance"/> (absolute, scaled up for large values).</summary>
    public static void Close(Tensor actual, long[] shape, double[] expected, double tolerance = 1e-6)
    {
        Assert.Equal(shape, actual.shape);
        using var asDouble = actual.to(ScalarType.Float64);
        var values = asDouble.data<double>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i] - expected[i]) > tolerance * Math.Max(1, Math.Abs(expected[i])))
                Assert.Fail($"element {i}: expected {expected[i]} but got {values[i]}\n" +
                            $"expected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", values)}]");
        }
    }

    /// <summary>Shape, element type and exact values.</summary>
    public static void Exactly<T>(Tensor actual, long[] shape, T[] expected) where T : unmanaged
    {
        Assert.Equal(shape, actual.shape);
        Assert.Equal(ScalarTypes.Of<T>(), actual.dtype);
        Assert.Equal(expected, actual.data<T>());
    }
}
