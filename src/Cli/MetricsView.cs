using System.Globalization;
using ModelZoo.Pipelines.Metrics;
using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>Shows evaluation metrics as tables, or turns them into plain JSON-friendly values.</summary>
internal static class MetricsView
{
    internal static void Print(MulticlassClassificationMetrics metrics)
    {
        var table = new Table().AddColumns("metric", "value");
        table.Columns[1].RightAligned();
        void Row(string name, double value) => table.AddRow(name, value.ToString("F4", CultureInfo.InvariantCulture));
        Row("MicroAccuracy (top-1)", metrics.MicroAccuracy);
        Row($"TopKAccuracy (top-{metrics.TopKPredictionCount})", metrics.TopKAccuracy);
        Row("MacroAccuracy", metrics.MacroAccuracy);
        Row("LogLoss", metrics.LogLoss);
        Row("LogLossReduction", metrics.LogLossReduction);
        Row("MacroF1", metrics.MacroF1);
        table.AddRow("examples", metrics.Count.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
    }

    internal static Dictionary<string, object> ToJson(MulticlassClassificationMetrics metrics) => new()
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
        ["per_class_f1"] = metrics.PerClassF1,
        ["confusion_matrix"] = metrics.ConfusionMatrix.Counts,
        ["class_names"] = metrics.ConfusionMatrix.ClassNames,
        ["loss"] = metrics.Loss,
        ["count"] = metrics.Count,
    };
}
