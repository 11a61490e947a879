namespace ModelZoo.Zoo.Layers;

/// <summary>Channel rounding shared by the MobileNets (and timm): keeps channel counts hardware-friendly.</summary>
public static class Channels
{
    /// <summary>
    /// Rounds <paramref name="value"/> to the nearest multiple of <paramref name="divisor"/>, at least
    /// <paramref name="minValue"/>, never more than 10% below the value (TensorFlow's _make_divisible).
    /// </summary>
    public static int MakeDivisible(double value, int divisor = 8, int? minValue = null)
    {
        var min = minValue ?? divisor;
        var rounded = Math.Max(min, (int)(value + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * value) rounded += divisor;
        return rounded;
    }
}
