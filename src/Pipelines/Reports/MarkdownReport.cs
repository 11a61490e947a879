using System.Globalization;
using System.Text;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The report as GitHub-flavoured Markdown: settings, the comparison table, the recommendation and the Pareto fronts, the
/// best model's confusion matrix and most-confused pairs (linking the example figures <see cref="ReportWriter"/> writes
/// beside it), and every model's per-class precision and recall.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Renders <paramref name="report"/>; the best architecture's row is set in bold.</summary>
    public static string Render(ComparisonReport report)
    {
        var best = report.Best;
        var text = new StringBuilder();
        text.Append("# ").AppendLine(Cell(report.Title)).AppendLine();
        foreach (var (name, value) in ReportSettings.Describe(report))
            text.Append("- **").Append(name).Append(":** ").AppendLine(Cell(value));
        text.AppendLine();

        var columns = ReportTable.Columns(report);
        text.AppendLine(Row(columns.Select(c => c.Header)));
        text.AppendLine(Row(columns.Select(c => c.RightAligned ? "---:" : ":---")));
        foreach (var result in report.Results)
        {
            var cells = columns.Select(c => Cell(c.Value(result)));
            text.AppendLine(Row(ReferenceEquals(result, best) ? cells.Select(c => $"**{c}**") : cells));
        }
        text.AppendLine();
        text.AppendLine("## Which to pick").AppendLine().AppendLine(Cell(Recommendation.For(report).Text)).AppendLine();
        text.AppendLine("## Pareto fronts").AppendLine();
        text.AppendLine("Architectures no other one beats on both top-1 accuracy and cost, cheapest first:").AppendLine();
        text.Append("- **Latency:** ").AppendLine(Cell(string.Join(", ", ParetoFront.OfLatency(report).Select(r => r.Architecture))));
        text.Append("- **Parameters:** ").AppendLine(Cell(string.Join(", ", ParetoFront.OfParameters(report).Select(r => r.Architecture))));
        text.AppendLine();

        var matrix = best.Metrics.ConfusionMatrix;
        text.Append("## Confusion matrix: ").AppendLine(Cell(best.Architecture)).AppendLine();
        text.AppendLine("Rows are the actual classes, columns the predicted ones.").AppendLine();
        text.AppendLine(Row(report.Classes.Select(Cell).Prepend("actual \\ predicted")));
        text.AppendLine(Row(report.Classes.Select(_ => "---:").Prepend(":---")));
        for (var r = 0; r < matrix.NumberOfClasses; r++)
            text.AppendLine(Row(matrix.Counts[r].Select(c => c.ToString(CultureInfo.InvariantCulture)).Prepend(Cell(report.Classes[r]))));
        text.AppendLine();
        AppendConfusedPairs(text, report);
        AppendPerClassTable(text, report);
        return text.ToString();
    }

    private static void AppendConfusedPairs(StringBuilder text, ComparisonReport report)
    {
        text.AppendLine("## Most-confused classes").AppendLine().AppendLine(Cell(ConfusedPairFigure.Introduction(report))).AppendLine();
        var pairs = ConfusedPairFigure.Pairs(report);
        if (pairs.Count == 0) return;
        text.AppendLine(Row(report.Results.Select(r => Cell(r.Architecture)).Prepend("Predicted").Prepend("Actual")));
        text.AppendLine(Row(report.Results.Select(_ => "---:").Prepend(":---").Prepend(":---")));
        foreach (var pair in pairs)
            text.AppendLine(Row(report.Results.Select(r => pair.CountIn(r.Metrics.ConfusionMatrix.Counts).ToString(CultureInfo.InvariantCulture))
                .Prepend(Cell(report.Classes[pair.Predicted])).Prepend(Cell(report.Classes[pair.Actual]))));
        text.AppendLine();
        for (var rank = 0; rank < pairs.Count; rank++)
        {
            if (ConfusedPairFigure.Examples(report, pairs[rank]) is null) continue;
            text.Append("**").Append(Cell(ConfusedPairFigure.Caption(report, pairs[rank]))).AppendLine("**").AppendLine();
            // Brackets in the alt text would end the link early.
            var alt = Cell(ConfusedPairFigure.Title(report, pairs[rank])).Replace("[", "(").Replace("]", ")");
            text.Append("![").Append(alt).Append("](").Append(ConfusedPairFigure.FileName(rank)).AppendLine(")").AppendLine();
        }
    }

    private static void AppendPerClassTable(StringBuilder text, ComparisonReport report)
    {
        text.AppendLine("## Precision and recall per class").AppendLine().AppendLine(Cell(PerClassTable.Explanation)).AppendLine();
        text.AppendLine(Row(report.Results.SelectMany(r => PerClassTable.Measures.Select(m => $"{Cell(r.Architecture)} {m}")).Prepend("Class")));
        text.AppendLine(Row(report.Results.SelectMany(_ => PerClassTable.Measures.Select(_ => "---:")).Prepend(":---")));
        foreach (var row in PerClassTable.Rows(report))
            text.AppendLine(Row(row.Cells.Select(c => c.Highest ? $"**{c.Text}**" : c.Text).Prepend(Cell(row.Class))));
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    // A pipe would end the cell, a newline the row, and a '<' could open an HTML tag that renderers hide.
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").ReplaceLineEndings(" ");
}
