using System.Globalization;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The best model's most-confused pairs as the report shows them: which pairs, and each one's example images as a PNG
/// strip titled with the test rows, so an image can be found again. The HTML page embeds the PNGs, keeping it one
/// self-contained file; the Markdown page links the files <see cref="ReportWriter"/> writes beside it.
/// </summary>
public static class ConfusedPairFigure
{
    /// <summary>Files of every figure, for clearing those a previous report left behind.</summary>
    public const string FilePattern = "confused-pair-*.png";

    /// <summary>The best model's largest mistakes, most frequent first (<see cref="ConfusedPair.MostConfused"/>).</summary>
    public static IReadOnlyList<ConfusedPair> Pairs(ComparisonReport report) =>
        ConfusedPair.MostConfused(report.Best.Metrics.ConfusionMatrix.Counts);

    /// <summary>The best model's example images of <paramref name="pair"/>, or null when the comparison kept none.</summary>
    public static ConfusedPairExamples? Examples(ComparisonReport report, ConfusedPair pair) =>
        report.Best.ConfusedExamples.FirstOrDefault(e => e.Pair == pair && e.Images.Count > 0);

    /// <summary>File name of the figure of the pair at <paramref name="rank"/> in <see cref="Pairs"/> (0 = most confused).</summary>
    public static string FileName(int rank) => $"confused-pair-{rank + 1}.png";

    /// <summary>What the pairs are, naming the best model, as the reports introduce them; for a model without mistakes, that it made none.</summary>
    public static string Introduction(ComparisonReport report) => Pairs(report).Count == 0
        ? $"{report.Best.Architecture} made no mistakes on the test set."
        : $"The largest off-diagonal cells of the confusion matrix of the best model, {report.Best.Architecture}, with every model's count of the same mistake.";

    /// <summary>"dog predicted as cat", in the report's class names.</summary>
    public static string Title(ComparisonReport report, ConfusedPair pair) => $"{report.Classes[pair.Actual]} predicted as {report.Classes[pair.Predicted]}";

    /// <summary>"dog predicted as cat: 3 of the 40 test images of dog", counted for the best model.</summary>
    public static string Caption(ComparisonReport report, ConfusedPair pair)
    {
        var ofClass = (long)report.Best.Metrics.ConfusionMatrix.Counts[pair.Actual].Sum();
        return string.Create(CultureInfo.InvariantCulture, $"{Title(report, pair)}: {pair.Count} of the {ofClass} test images of {report.Classes[pair.Actual]}");
    }

    /// <summary><paramref name="examples"/>' images in one row, each titled with its test-set row, as PNG bytes.</summary>
    /// <exception cref="ArgumentException">There are no images.</exception>
    public static byte[] Encode(ConfusedPairExamples examples) =>
        PredictionGridFigure.Encode([.. examples.Images.Select((image, i) => (image, $"test #{examples.TestIndices[i]}"))], ConfusedPairExamples.PerPair);
}
