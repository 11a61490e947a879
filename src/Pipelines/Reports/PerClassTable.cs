namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// Precision and recall per class for every architecture, defined once for the Markdown and the HTML report: the model
/// with the best average can still be the wrong pick when the class that matters is one it misses. In each row the
/// highest precision and the highest recall are marked, unless all models score the same.
/// </summary>
public static class PerClassTable
{
    /// <summary>One printed value; <paramref name="Highest"/> when no architecture scores higher on this class and measure, and some lower.</summary>
    public sealed record Cell(string Text, bool Highest);

    /// <summary>One class: for each architecture in report order, its precision and then its recall.</summary>
    public sealed record Row(string Class, IReadOnlyList<Cell> Cells);

    /// <summary>The sub-column headers under each architecture's name.</summary>
    public static readonly IReadOnlyList<string> Measures = ["P", "R"];

    /// <summary>How to read the table, as the reports put it above it.</summary>
    public const string Explanation =
        "P (precision) is the share of the images predicted as the class that are of it, R (recall) the share of the class's images found; the highest of each in a row is bold where the models differ.";

    /// <summary>One row per class of <paramref name="report"/>, in class order.</summary>
    public static IReadOnlyList<Row> Rows(ComparisonReport report)
    {
        var results = report.Results;
        return report.Classes.Select((name, c) =>
        {
            var precision = results.Select(r => r.Metrics.ConfusionMatrix.PerClassPrecision[c]).ToList();
            var recall = results.Select(r => r.Metrics.ConfusionMatrix.PerClassRecall[c]).ToList();
            var cells = results.SelectMany((_, i) => new[] { Mark(precision, i), Mark(recall, i) }).ToList();
            return new Row(name, cells);
        }).ToList();
    }

    // Where every model scores the same (ML.NET gives a class that none of them predicts precision 0 in all) nothing is
    // marked: there is no difference to point at.
    private static Cell Mark(IReadOnlyList<double> values, int index) =>
        new(ReportFormat.Percent(values[index]), values[index] == values.Max() && values.Max() > values.Min());
}
