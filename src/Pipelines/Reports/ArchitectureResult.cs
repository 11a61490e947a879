using Microsoft.ML.Data;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Pipelines.Reports;

/// <summary>One architecture's row in a <see cref="ComparisonReport"/>: its cost, its speed and how well it did.</summary>
public sealed record ArchitectureResult
{
    /// <summary>Registry name, e.g. <c>mobilenet_v2</c>.</summary>
    public required string Architecture { get; init; }
    /// <summary>Family the architecture belongs to, e.g. <c>MobileNet</c>.</summary>
    public string Family { get; init; } = "";
    /// <summary>The training recipe in force for this run, on one line (optimizer, rate, decay, schedule, warm-up, smoothing, batch, augmentation).</summary>
    public string Recipe { get; init; } = "";
    /// <summary>Trainable parameters.</summary>
    public long Parameters { get; init; }
    /// <summary>Multiply-accumulates of the convolution and fully connected layers for one image.</summary>
    public long Macs { get; init; }
    /// <summary>Size of the saved model file in bytes.</summary>
    public long ModelFileBytes { get; init; }
    /// <summary>Wall-clock seconds of the whole training run.</summary>
    public double TrainSeconds { get; init; }
    /// <summary>Training throughput in images per second.</summary>
    public double TrainImagesPerSecond { get; init; }
    /// <summary>Median latency of a batch of one image, in milliseconds.</summary>
    public double InferenceLatencyMs { get; init; }
    /// <summary>Whether <see cref="InferenceLatencyMs"/> was measured: zero or a non-finite value means it was not.</summary>
    internal bool HasLatency => double.IsFinite(InferenceLatencyMs) && InferenceLatencyMs > 0;
    /// <summary>Inference throughput in images per second at the evaluation batch size.</summary>
    public double InferenceImagesPerSecond { get; init; }
    /// <summary>Top-1 accuracy on the test set, 0..1.</summary>
    public double Top1 { get; init; }
    /// <summary>Top-<see cref="K"/> accuracy on the test set, 0..1.</summary>
    public double TopK { get; init; }
    /// <summary>K of <see cref="TopK"/>.</summary>
    public int K { get; init; } = 5;
    /// <summary>Mean −ln p(true class) on the test set.</summary>
    public double LogLoss { get; init; }
    /// <summary>The training run, one record per epoch.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];
    /// <summary>ML.NET's test-set metrics, including the confusion matrix (classes in <see cref="ComparisonReport.Classes"/> order).</summary>
    public required MulticlassClassificationMetrics Metrics { get; init; }
    /// <summary>
    /// Test rows behind the largest off-diagonal cells of <see cref="Metrics"/>' confusion matrix
    /// (<see cref="ConfusedPair.MostConfused"/>); with their images only for the report's best model.
    /// </summary>
    public IReadOnlyList<ConfusedPairExamples> ConfusedExamples { get; init; } = [];
}
