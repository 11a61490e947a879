namespace ModelZoo.Pipelines.Reports;

/// <summary>Where <see cref="ReportWriter.WriteAll"/> put each format.</summary>
public sealed record ReportPaths(string Html, string Markdown, string Json);

/// <summary>Writes a comparison report in all its formats.</summary>
public static class ReportWriter
{
    /// <summary>Writes report.html, report.md and report.json into <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="ArgumentException">The report has no results to compare.</exception>
    public static ReportPaths WriteAll(ComparisonReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Results.Count == 0) throw new ArgumentException("a comparison report needs at least one result", nameof(report));
        Directory.CreateDirectory(directory);
        var paths = new ReportPaths(
            Path.Combine(directory, "report.html"), Path.Combine(directory, "report.md"), Path.Combine(directory, "report.json"));
        File.WriteAllText(paths.Html, HtmlReport.Render(report));
        File.WriteAllText(paths.Markdown, MarkdownReport.Render(report));
        File.WriteAllText(paths.Json, JsonReport.Render(report));
        return paths;
    }
}
