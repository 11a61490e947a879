using System.Globalization;
using Microsoft.ML.Data;

namespace ModelZoo.Cli;

/// <summary>Shows ML.NET's evaluation metrics as tables, or turns them into plain JSON-friendly values.</summary>
internal static class MetricsView
{
    internal static void Print(MulticlassClassificationMetrics metrics)
    {
        var table = new ConsoleTable("metric", "value").RightAligned("value");
        void Row(string name, double value) => table.AddRow(name, value.ToString("F4", CultureInfo.InvariantCulture));
        Row("MicroAccuracy (top-1)", metrics.MicroAccuracy);
        Row($"TopKAccuracy (top-{metrics.TopKPredictionCount})", metrics.TopKAccuracy);
        Row("MacroAccuracy", metrics.MacroAccuracy);
        Row("LogLoss", metrics.LogLoss);
        Row("LogLossReduction", metrics.LogLossReduction);
        table.AddRow("examples", Count(metrics).ToString(CultureInfo.InvariantCulture));
        table.Write();
        Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
    }

    /// <summary>The metrics under snake_case names; <paramref name="classNames"/> label the per-class lists (key order).</summary>
    internal static Dictionary<string, object> ToJson(MulticlassClassificationMetrics metrics, IReadOnlyList<string> classNames) => new()
    {
        ["micro_accuracy"] = metrics.MicroAccuracy,
        ["macro_accuracy"] = metrics.MacroAccuracy,
        ["log_loss"] = metrics.LogLoss,
        ["log_loss_reduction"] = metrics.LogLossReduction,
        ["top_k"] = metrics.TopKPredictionCount,
        ["top_k_accuracy"] = metrics.TopKAccuracy,
        ["top_k_accuracy_for_all_k"] = metrics.TopKAccuracyForAllK,
        ["per_class_log_loss"] = metrics.PerClassLogLoss,
        ["per_class_precision"] = metrics.ConfusionMatrix.PerClassPrecision,
        ["per_class_recall"] = metrics.ConfusionMatrix.PerClassRecall,
        ["confusion_matrix"] = metrics.ConfusionMatrix.Counts.Select(row => row.Select(count => (long)count).ToList()).ToList(),
        ["class_names"] = classNames,
        ["count"] = Count(metrics),
    };

    /// <summary>Examples evaluated: every cell of ML.NET's confusion matrix counts one.</summary>
    internal static long Count(MulticlassClassificationMetrics metrics) => (long)metrics.ConfusionMatrix.Counts.Sum(row => row.Sum());
}
