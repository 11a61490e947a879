using System.Globalization;

namespace ModelZoo.Pipelines.Reports;

/// <summary>The run's settings as label/value pairs, shared by the Markdown and HTML headers.</summary>
public static class ReportSettings
{
    /// <summary>Data, split sizes, input size, epochs, seed, machine and date of <paramref name="report"/>.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(ComparisonReport report) =>
    [
        ("Data", report.DataSource),
        ("Classes", $"{report.Classes.Count} ({string.Join(", ", report.Classes.Take(12))}{(report.Classes.Count > 12 ? ", …" : "")})"),
        ("Train / test images", string.Create(CultureInfo.InvariantCulture, $"{report.TrainCount} / {report.TestCount}")),
        ("Input size", string.Create(CultureInfo.InvariantCulture, $"{report.InputSize}x{report.InputSize}")),
        ("Epochs", report.Epochs.ToString(CultureInfo.InvariantCulture)),
        ("Seed", report.Seed.ToString(CultureInfo.InvariantCulture)),
        ("Machine", report.Machine),
        ("Created (UTC)", report.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
    ];
}
