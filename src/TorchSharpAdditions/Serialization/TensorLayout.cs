namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>Overflow-safe size arithmetic for shapes read from untrusted files.</summary>
internal static class TensorLayout
{
    /// <summary>The product of <paramref name="shape"/>; false when a dimension is negative or the product overflows.</summary>
    public static bool TryElementCount(ReadOnlySpan<long> shape, out long count)
    {
        count = 1;
        foreach (long dimension in shape)
        {
            if (dimension < 0 || !TryMultiply(count, dimension, out count))
                return false;
        }
        return true;
    }

    /// <summary>Element count × element size; false when it is not representable.</summary>
    public static bool TryByteCount(ReadOnlySpan<long> shape, ScalarType type, out long bytes)
    {
        bytes = 0;
        return TryElementCount(shape, out long count) && TryMultiply(count, type.StoredElementSize(), out bytes);
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/> for non-negative values; false on overflow.</summary>
    public static bool TryMultiply(long a, long b, out long product)
    {
        product = 0;
        if (b != 0 && a > long.MaxValue / b)
            return false;
        product = a * b;
        return true;
    }

    /// <summary>The strides, in elements, of a row-major (C-contiguous) tensor of <paramref name="shape"/>.</summary>
    /// <remarks>Size-0 dimensions count as 1, as in PyTorch.</remarks>
    /// <exception cref="OverflowException">A stride does not fit in 64 bits.</exception>
    public static long[] RowMajorStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride = checked(stride * Math.Max(shape[i], 1));
        }
        return strides;
    }
}
