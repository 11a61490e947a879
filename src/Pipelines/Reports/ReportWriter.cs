using System.Text;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.Pipelines.Reports;

/// <summary>Where <see cref="ReportWriter.WriteAll"/> put each format.</summary>
public sealed record ReportPaths(string Html, string Markdown, string Json);

/// <summary>Writes a comparison report in all its formats.</summary>
public static class ReportWriter
{
    /// <summary>
    /// Writes report.html, report.md and report.json into <paramref name="directory"/> (created if missing), and beside
    /// them the example figures report.md links, removing those an earlier report left. Each file is replaced whole, so
    /// a reader never opens half a report.
    /// </summary>
    /// <exception cref="ArgumentException">The report has no results to compare.</exception>
    public static ReportPaths WriteAll(ComparisonReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Results.Count == 0) throw new ArgumentException("a comparison report needs at least one result", nameof(report));
        Directory.CreateDirectory(directory);
        var paths = new ReportPaths(
            Path.Combine(directory, "report.html"), Path.Combine(directory, "report.md"), Path.Combine(directory, "report.json"));
        var figures = new HashSet<string>();
        var pairs = ConfusedPairFigure.Pairs(report);
        for (var rank = 0; rank < pairs.Count; rank++)
            if (ConfusedPairFigure.Examples(report, pairs[rank]) is { } examples)
            {
                var png = ConfusedPairFigure.Encode(examples);
                var path = Path.Combine(directory, ConfusedPairFigure.FileName(rank));
                AtomicFile.Write(path, stream => stream.Write(png));
                figures.Add(Path.GetFullPath(path));
            }
        foreach (var stale in Directory.GetFiles(directory, ConfusedPairFigure.FilePattern).Where(f => !figures.Contains(Path.GetFullPath(f))))
            File.Delete(stale);
        WriteText(paths.Html, HtmlReport.Render(report));
        WriteText(paths.Markdown, MarkdownReport.Render(report));
        WriteText(paths.Json, JsonReport.Render(report));
        return paths;
    }

    private static void WriteText(string path, string text) => AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
}
