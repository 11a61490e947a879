using System.Globalization;
using System.Net;
using System.Text;
using OxyPlot;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts, fonts or
/// network access, so it can be mailed, archived or opened offline and always looks the same.
/// </summary>
public static class HtmlReport
{
    /// <summary>Background of the best architecture's table row.</summary>
    public static OxyColor BestRowColour => OxyColor.FromRgb(0xff, 0xf0, 0xb3);

    private static readonly string Style = $$"""
        body { font-family: sans-serif; margin: 20px; color: #222; max-width: 1240px; }
        h1 { font-size: 24px; margin: 0 0 12px; }
        h2 { font-size: 18px; margin: 28px 0 8px; }
        dl.settings { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; margin: 0; font-size: 13px; }
        dl.settings dt { font-weight: bold; }
        dl.settings dd { margin: 0; }
        table#results { border-collapse: collapse; font-size: 13px; }
        #results th, #results td { border: 1px solid #ccc; padding: 4px 8px; }
        #results th { background: #f2f2f2; }
        #results td.number { text-align: right; font-variant-numeric: tabular-nums; }
        #results tr.best { background: {{Css(BestRowColour)}}; font-weight: bold; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; }
        svg.chart { border: 1px solid #ddd; }
        /* The charts are laid out with DejaVu Sans metrics; Verdana is nearly as wide where DejaVu is missing. */
        svg.chart text { font-family: "{{ChartStyle.FontFamily}}", Verdana, sans-serif; }
        """;

    /// <summary>Renders <paramref name="report"/>: settings, the comparison table, accuracy versus MACs, loss and accuracy curves, and the best model's confusion matrix.</summary>
    public static string Render(ComparisonReport report)
    {
        var best = report.Best;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Escape(report.Title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style></head><body>")
            .Append("<h1>").Append(Escape(report.Title)).AppendLine("</h1>");

        html.AppendLine("<dl class=\"settings\">");
        foreach (var (name, value) in ReportSettings.Describe(report))
            html.Append("<dt>").Append(Escape(name)).Append("</dt><dd>").Append(Escape(value)).AppendLine("</dd>");
        html.AppendLine("</dl>");

        html.AppendLine("<h2>Results</h2>");
        AppendTable(html, report, best);
        html.Append("<p>Best top-1 accuracy: <strong>").Append(Escape(best.Architecture)).Append("</strong> (")
            .Append(ReportFormat.Percent(best.Top1)).AppendLine(").</p>");

        html.AppendLine("<h2>Accuracy versus compute</h2>").AppendLine(ReportCharts.AccuracyVersusMacs(report));
        html.AppendLine("<h2>Training curves</h2>").AppendLine("<div class=\"charts\">")
            .AppendLine(ReportCharts.LossCurves(report)).AppendLine(ReportCharts.AccuracyCurves(report)).AppendLine("</div>");
        html.AppendLine("<h2>Confusion matrix of the best model</h2>")
            .AppendLine(ConfusionMatrixChart.Render("confusion-matrix", best.Metrics.ConfusionMatrix, report.Classes, best.Architecture + " on the test set"));
        return html.AppendLine("</body></html>").ToString();
    }

    private static void AppendTable(StringBuilder html, ComparisonReport report, ArchitectureResult best)
    {
        var columns = ReportTable.Columns(report);
        html.Append("<table id=\"results\"><thead><tr>");
        foreach (var column in columns) html.Append("<th>").Append(Escape(column.Header)).Append("</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var result in report.Results)
        {
            html.Append(ReferenceEquals(result, best) ? "<tr class=\"best\">" : "<tr>");
            foreach (var column in columns)
                html.Append(column.RightAligned ? "<td class=\"number\">" : "<td>").Append(Escape(column.Value(result))).Append("</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Css(OxyColor colour) => string.Create(CultureInfo.InvariantCulture, $"#{colour.R:x2}{colour.G:x2}{colour.B:x2}");
}
