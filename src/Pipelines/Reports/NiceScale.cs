namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// Axis range and ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert,
/// "Nice numbers for graph labels", Graphics Gems (1990); readers can interpolate between such ticks at a glance.
/// </summary>
public sealed class NiceScale
{
    private NiceScale(double min, double max, IReadOnlyList<double> ticks, bool logarithmic)
    {
        Min = min;
        Max = max;
        Ticks = ticks;
        Logarithmic = logarithmic;
    }

    /// <summary>Lower end of the axis (the first tick).</summary>
    public double Min { get; }
    /// <summary>Upper end of the axis (the last tick).</summary>
    public double Max { get; }
    /// <summary>Tick values, ascending, from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }
    /// <summary>Whether values are placed by their logarithm.</summary>
    public bool Logarithmic { get; }

    /// <summary>A linear axis covering <paramref name="low"/>..<paramref name="high"/> with about <paramref name="maxTicks"/> ticks.</summary>
    /// <param name="low">Smallest data value.</param>
    /// <param name="high">Largest data value.</param>
    /// <param name="maxTicks">Upper bound on the number of ticks (at least 2).</param>
    /// <param name="integerSteps">Keep the tick step at 1 or more, for counts such as epochs.</param>
    public static NiceScale Linear(double low, double high, int maxTicks = 6, bool integerSteps = false)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high)) (low, high) = (0, 1);
        if (low > high) (low, high) = (high, low);
        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            // A flat series still needs a visible range around it.
            var pad = Math.Abs(low) > 0 ? Math.Abs(low) * 0.1 : 1;
            (low, high) = (low - pad, high + pad);
        }
        maxTicks = Math.Max(2, maxTicks);
        var step = Nice(Nice(high - low, round: false) / (maxTicks - 1), round: true);
        if (integerSteps) step = Math.Max(1, step);
        var first = Math.Floor(low / step) * step;
        var last = Math.Ceiling(high / step) * step;
        var count = (int)Math.Round((last - first) / step);
        // Multiplying (not accumulating) keeps 0.1 + 0.2 drift out of the tick values.
        var ticks = Enumerable.Range(0, count + 1).Select(i => Clean(first + i * step)).ToList();
        return new NiceScale(ticks[0], ticks[^1], ticks, logarithmic: false);
    }

    /// <summary>A log-10 axis from the decade at or below <paramref name="low"/> to the one at or above <paramref name="high"/>, ticked at each decade.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    public static NiceScale Log10(double low, double high)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(low);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(high);
        if (low > high) (low, high) = (high, low);
        var first = (int)Math.Floor(Math.Log10(low) + 1e-9);
        var last = Math.Max(first + 1, (int)Math.Ceiling(Math.Log10(high) - 1e-9));
        var ticks = Enumerable.Range(first, last - first + 1).Select(e => Math.Pow(10, e)).ToList();
        return new NiceScale(ticks[0], ticks[^1], ticks, logarithmic: true);
    }

    /// <summary>Where <paramref name="value"/> lies on the axis: 0 at <see cref="Min"/>, 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => Logarithmic
        ? (Math.Log10(Math.Max(value, double.Epsilon)) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (value - Min) / (Max - Min);

    /// <summary>Digits after the decimal point that tell the ticks apart.</summary>
    public int Decimals => Logarithmic || Ticks.Count < 2
        ? 0
        : Math.Max(0, (int)Math.Ceiling(-Math.Log10(Ticks[1] - Ticks[0]) - 1e-9));

    private static double Nice(double range, bool round)
    {
        var exponent = Math.Floor(Math.Log10(range));
        var fraction = range / Math.Pow(10, exponent);
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }

    // Rounding drops float noise such as 0.30000000000000004; adding 0.0 turns -0 into 0.
    private static double Clean(double value) => Math.Round(value, 10) + 0.0;
}
