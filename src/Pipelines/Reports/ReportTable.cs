namespace ModelZoo.Pipelines.Reports;

/// <summary>One column of the comparison table: header, how to print a result, and alignment.</summary>
public sealed record ReportColumn(string Header, Func<ArchitectureResult, string> Value, bool RightAligned = true);

/// <summary>The columns of the comparison table, defined once for the Markdown and the HTML report.</summary>
public static class ReportTable
{
    /// <summary>Architecture, family, cost, speed, accuracy and recipe columns for <paramref name="report"/>.</summary>
    public static IReadOnlyList<ReportColumn> Columns(ComparisonReport report)
    {
        var ks = report.Results.Select(r => r.K).Distinct().ToList();
        var topK = ks.Count == 1 ? $"Top-{ks[0]}" : "Top-K";
        return
        [
            new("Architecture", r => r.Architecture, RightAligned: false),
            new("Family", r => r.Family, RightAligned: false),
            new("Params", r => ReportFormat.Count(r.Parameters)),
            new("MACs", r => ReportFormat.Count(r.Macs)),
            new("Model size", r => ReportFormat.Bytes(r.ModelFileBytes)),
            new("Train time (s)", r => ReportFormat.Fixed(r.TrainSeconds, 1)),
            new("Train img/s", r => ReportFormat.Fixed(r.TrainImagesPerSecond, 1)),
            new("Latency (ms, batch 1)", r => ReportFormat.Fixed(r.InferenceLatencyMs, 2)),
            new("Inference img/s", r => ReportFormat.Fixed(r.InferenceImagesPerSecond, 1)),
            new("Top-1", r => ReportFormat.Percent(r.Top1)),
            new(topK, r => ReportFormat.Percent(r.TopK)),
            new("Log-loss", r => ReportFormat.Fixed(r.LogLoss, 4)),
            new("Recipe", r => r.Recipe, RightAligned: false),
        ];
    }
}
