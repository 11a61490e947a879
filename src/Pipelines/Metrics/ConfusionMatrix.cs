using System.Globalization;
using System.Text;

namespace ModelZoo.Pipelines.Metrics;

/// <summary>Counts of (actual, predicted) class pairs, with per-class precision, recall and F1 (ML.NET's ConfusionMatrix).</summary>
public sealed class ConfusionMatrix
{
    /// <summary>Builds the matrix from counts[actual][predicted].</summary>
    public ConfusionMatrix(IReadOnlyList<string> classNames, long[][] counts)
    {
        if (counts.Length != classNames.Count || counts.Any(row => row.Length != classNames.Count))
            throw new ArgumentException($"a confusion matrix over {classNames.Count} classes needs {classNames.Count}x{classNames.Count} counts");
        ClassNames = classNames;
        Counts = counts;
        var n = classNames.Count;
        var precision = new double[n];
        var recall = new double[n];
        var f1 = new double[n];
        for (var c = 0; c < n; c++)
        {
            long truePositive = counts[c][c], actual = counts[c].Sum(), predicted = 0;
            for (var r = 0; r < n; r++) predicted += counts[r][c];
            precision[c] = predicted == 0 ? 0 : (double)truePositive / predicted;
            recall[c] = actual == 0 ? 0 : (double)truePositive / actual;
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        PerClassPrecision = precision;
        PerClassRecall = recall;
        PerClassF1 = f1;
    }

    /// <summary>Class names, in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Counts[actual][predicted].</summary>
    public IReadOnlyList<IReadOnlyList<long>> Counts { get; }

    /// <summary>Of the examples predicted as each class, the fraction that were that class.</summary>
    public IReadOnlyList<double> PerClassPrecision { get; }

    /// <summary>Of the examples of each class, the fraction predicted as that class.</summary>
    public IReadOnlyList<double> PerClassRecall { get; }

    /// <summary>Harmonic mean of precision and recall per class.</summary>
    public IReadOnlyList<double> PerClassF1 { get; }

    /// <summary>Number of classes.</summary>
    public int NumberOfClasses => ClassNames.Count;

    /// <summary>A text table: rows are actual classes, columns predicted, with recall per row and precision underneath.</summary>
    public string GetFormattedConfusionTable()
    {
        var labels = ClassNames.Select(Shorten).ToList();
        var width = Math.Max(7, Math.Max(labels.Max(l => l.Length), Counts.SelectMany(r => r).Max().ToString(CultureInfo.InvariantCulture).Length) + 1);
        var text = new StringBuilder();
        text.Append("actual \\ predicted".PadRight(width + 12));
        foreach (var label in labels) text.Append(label.PadLeft(width));
        text.AppendLine("  | Recall");
        for (var r = 0; r < NumberOfClasses; r++)
        {
            text.Append(labels[r].PadRight(width + 12));
            foreach (var count in Counts[r]) text.Append(count.ToString(CultureInfo.InvariantCulture).PadLeft(width));
            text.AppendLine("  | " + PerClassRecall[r].ToString("F4", CultureInfo.InvariantCulture));
        }
        text.Append("Precision".PadRight(width + 12));
        foreach (var p in PerClassPrecision) text.Append(p.ToString("F4", CultureInfo.InvariantCulture).PadLeft(width));
        return text.AppendLine().ToString();
    }

    private static string Shorten(string name) => name.Length <= 12 ? name : name[..11] + "…";
}
