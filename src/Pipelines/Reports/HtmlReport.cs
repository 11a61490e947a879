using System.Globalization;
using System.Net;
using System.Text;
using OxyPlot;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, inline SVG charts and images as data URIs, no scripts,
/// fonts, linked files or network access, so it can be mailed, archived or opened offline and always looks the same.
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
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; }
        th { background: #f2f2f2; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.highest { font-weight: bold; }
        #results tr.best { background: {{Css(BestRowColour)}}; font-weight: bold; }
        p.recommendation { font-size: 15px; max-width: 900px; line-height: 1.4; }
        figure.confused { margin: 12px 0; }
        figure.confused figcaption { font-size: 13px; margin-bottom: 4px; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; }
        svg.chart { border: 1px solid #ddd; }
        /* The charts are laid out with DejaVu Sans metrics; Verdana is nearly as wide where DejaVu is missing. */
        svg.chart text { font-family: "{{ChartStyle.FontFamily}}", Verdana, sans-serif; }
        """;

    /// <summary>
    /// Renders <paramref name="report"/>: settings, the comparison table and the recommendation, accuracy versus MACs, the
    /// Pareto fronts, loss and accuracy curves, the best model's confusion matrix and most-confused pairs with example
    /// images (embedded as data URIs), and every model's per-class precision and recall.
    /// </summary>
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
        html.AppendLine("<h2>Which to pick</h2>")
            .Append("<p id=\"recommendation\" class=\"recommendation\">").Append(Escape(Recommendation.For(report).Text)).AppendLine("</p>");

        html.AppendLine("<h2>Accuracy versus compute</h2>").AppendLine(ReportCharts.AccuracyVersusMacs(report));
        html.AppendLine("<h2>Accuracy versus cost: the Pareto fronts</h2>")
            .AppendLine("<p>On the dashed line (ringed points, bold names) are the architectures no other one beats on both accuracy and cost; each faded point is beaten by one on the line.</p>")
            .AppendLine("<div class=\"charts\">")
            .AppendLine(ParetoCharts.AccuracyVersusLatency(report)).AppendLine(ParetoCharts.AccuracyVersusParameters(report)).AppendLine("</div>");
        html.AppendLine("<h2>Training curves</h2>").AppendLine("<div class=\"charts\">")
            .AppendLine(ReportCharts.LossCurves(report)).AppendLine(ReportCharts.AccuracyCurves(report)).AppendLine("</div>");
        html.AppendLine("<h2>Confusion matrix of the best model</h2>")
            .AppendLine(ConfusionMatrixChart.Render("confusion-matrix", best.Metrics.ConfusionMatrix, report.Classes, best.Architecture + " on the test set"));
        AppendConfusedPairs(html, report);
        AppendPerClassTable(html, report);
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

    // The best model's largest mistakes, every model's count of each, and the best model's example images of each.
    private static void AppendConfusedPairs(StringBuilder html, ComparisonReport report)
    {
        html.AppendLine("<h2>Most-confused classes</h2>");
        html.Append("<p>").Append(Escape(ConfusedPairFigure.Introduction(report))).AppendLine("</p>");
        var pairs = ConfusedPairFigure.Pairs(report);
        if (pairs.Count == 0) return;
        html.Append("<table id=\"confused-pairs\"><thead><tr><th>Actual</th><th>Predicted</th>");
        foreach (var result in report.Results) html.Append("<th>").Append(Escape(result.Architecture)).Append("</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var pair in pairs)
        {
            html.Append("<tr><td>").Append(Escape(report.Classes[pair.Actual])).Append("</td><td>").Append(Escape(report.Classes[pair.Predicted])).Append("</td>");
            foreach (var result in report.Results)
                html.Append("<td class=\"number\">").Append(pair.CountIn(result.Metrics.ConfusionMatrix.Counts).ToString(CultureInfo.InvariantCulture)).Append("</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");

        html.AppendLine("<div id=\"confused-examples\">");
        for (var rank = 0; rank < pairs.Count; rank++)
        {
            if (ConfusedPairFigure.Examples(report, pairs[rank]) is not { } examples) continue;
            var caption = ConfusedPairFigure.Caption(report, pairs[rank]);
            html.Append("<figure class=\"confused\"><figcaption>").Append(Escape(caption)).Append("</figcaption>")
                .Append("<img id=\"").Append(Path.GetFileNameWithoutExtension(ConfusedPairFigure.FileName(rank))).Append("\" alt=\"").Append(Escape(ConfusedPairFigure.Title(report, pairs[rank])))
                .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(ConfusedPairFigure.Encode(examples))).AppendLine("\"></figure>");
        }
        html.AppendLine("</div>");
    }

    private static void AppendPerClassTable(StringBuilder html, ComparisonReport report)
    {
        html.AppendLine("<h2>Precision and recall per class</h2>")
            .Append("<p>").Append(Escape(PerClassTable.Explanation)).AppendLine("</p>");
        html.Append("<table id=\"per-class\"><thead><tr><th rowspan=\"2\">Class</th>");
        foreach (var result in report.Results)
            html.Append("<th colspan=\"").Append(PerClassTable.Measures.Count).Append("\">").Append(Escape(result.Architecture)).Append("</th>");
        html.AppendLine("</tr><tr>");
        foreach (var _ in report.Results)
            foreach (var measure in PerClassTable.Measures) html.Append("<th>").Append(measure).Append("</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in PerClassTable.Rows(report))
        {
            html.Append("<tr><td>").Append(Escape(row.Class)).Append("</td>");
            foreach (var cell in row.Cells)
                html.Append(cell.Highest ? "<td class=\"number highest\">" : "<td class=\"number\">").Append(Escape(cell.Text)).Append("</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Css(OxyColor colour) => string.Create(CultureInfo.InvariantCulture, $"#{colour.R:x2}{colour.G:x2}{colour.B:x2}");
}
