using System.Globalization;

namespace ModelZoo.Pipelines.Reports;

/// <summary>Number formats shared by the Markdown and HTML tables and the chart labels, so every view of a report reads the same.</summary>
public static class ReportFormat
{
    private static readonly (double Scale, string Suffix)[] Prefixes = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "K")];

    /// <summary>A count with an SI suffix and three significant digits: 11689512 → "11.7M", 950 → "950".</summary>
    public static string Count(double value)
    {
        foreach (var (scale, suffix) in Prefixes)
            if (Math.Abs(value) >= scale * 0.9995) return Significant(value / scale) + suffix;
        return Significant(value);
    }

    /// <summary>A byte count in binary units: 44_700_000 → "42.6 MiB".</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        var value = (double)bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("F1", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A 0..1 fraction as a percentage with two decimals: 0.91234 → "91.23%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number with a fixed count of decimals, invariant culture.</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string Significant(double value)
    {
        var decimals = Math.Abs(value) >= 99.95 ? 0 : Math.Abs(value) >= 9.995 ? 1 : 2;
        // Whole numbers below 1000 (e.g. 950 parameters) need no decimals.
        if (value == Math.Round(value) && Math.Abs(value) < 1000) decimals = 0;
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }
}
