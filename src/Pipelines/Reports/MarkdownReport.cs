using System.Text;

namespace ModelZoo.Pipelines.Reports;

/// <summary>The report as GitHub-flavoured Markdown: settings, the comparison table and the best model's confusion matrix.</summary>
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

        var matrix = best.Metrics.ConfusionMatrix;
        text.Append("## Confusion matrix: ").AppendLine(Cell(best.Architecture)).AppendLine();
        text.AppendLine("Rows are the actual classes, columns the predicted ones.").AppendLine();
        text.AppendLine(Row(report.Classes.Select(Cell).Prepend("actual \\ predicted")));
        text.AppendLine(Row(report.Classes.Select(_ => "---:").Prepend(":---")));
        for (var r = 0; r < matrix.NumberOfClasses; r++)
            text.AppendLine(Row(matrix.Counts[r].Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend(Cell(report.Classes[r]))));
        return text.ToString();
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    // A pipe would end the cell, a newline the row, and a '<' could open an HTML tag that renderers hide.
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").ReplaceLineEndings(" ");
}
