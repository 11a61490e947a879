using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelZoo.Pipelines.Reports;

/// <summary>The report as JSON with snake_case keys, for scripts and notebooks that compare runs.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // A diverged run has NaN losses; they are written as "NaN" rather than failing the whole report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Every setting, every result with its per-epoch history, per-class metrics and most-confused pairs (with the test
    /// rows behind them where the comparison kept them), the Pareto fronts, the recommendation, and the best model's
    /// confusion matrix.
    /// </summary>
    public static string Render(ComparisonReport report)
    {
        var best = report.Best;
        var matrix = best.Metrics.ConfusionMatrix;
        var recommendation = Recommendation.For(report);
        var document = new
        {
            report.Title,
            report.DataSource,
            report.Classes,
            report.TrainCount,
            report.TestCount,
            report.InputSize,
            report.Epochs,
            report.Seed,
            CreatedUtc = report.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"),
            report.Machine,
            BestArchitecture = best.Architecture,
            Results = report.Results.Select(r => Result(r, report.Classes)),
            ParetoFront = new
            {
                Latency = ParetoFront.OfLatency(report).Select(r => r.Architecture),
                Parameters = ParetoFront.OfParameters(report).Select(r => r.Architecture),
            },
            Recommendation = new
            {
                MostAccurate = recommendation.MostAccurate.Architecture,
                recommendation.LatencyBudgetMs,
                LatencyBudgetIsMedian = recommendation.BudgetIsMedian,
                WithinLatencyBudget = recommendation.WithinBudget?.Architecture,
                AccuracyTolerance = Recommendation.AccuracyTolerance,
                SmallestWithinTolerance = recommendation.Smallest.Architecture,
                recommendation.Text,
            },
            BestConfusionMatrix = new
            {
                best.Architecture,
                ClassNames = report.Classes,
                Counts = matrix.Counts.Select(row => row.Select(count => (long)count)),
                Precision = matrix.PerClassPrecision,
                Recall = matrix.PerClassRecall,
            },
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static object Result(ArchitectureResult r, IReadOnlyList<string> classes) => new
    {
        r.Architecture,
        r.Family,
        r.Recipe,
        r.Parameters,
        r.Macs,
        r.ModelFileBytes,
        r.TrainSeconds,
        r.TrainImagesPerSecond,
        r.InferenceLatencyMs,
        r.InferenceImagesPerSecond,
        r.Top1,
        r.TopK,
        r.K,
        r.LogLoss,
        r.Metrics.MacroAccuracy,
        r.Metrics.LogLossReduction,
        TopKAccuracyForAllK = r.Metrics.TopKAccuracyForAllK,
        PerClassPrecision = r.Metrics.ConfusionMatrix.PerClassPrecision,
        PerClassRecall = r.Metrics.ConfusionMatrix.PerClassRecall,
        r.Metrics.PerClassLogLoss,
        TestCount = (long)r.Metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()),
        ConfusedPairs = ConfusedPair.MostConfused(r.Metrics.ConfusionMatrix.Counts).Select(pair => new
        {
            Actual = classes[pair.Actual],
            Predicted = classes[pair.Predicted],
            pair.Count,
            TestIndices = r.ConfusedExamples.FirstOrDefault(e => e.Pair == pair)?.TestIndices ?? [],
        }),
        r.History,
    };
}
