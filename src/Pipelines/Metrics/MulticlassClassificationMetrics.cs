namespace ModelZoo.Pipelines.Metrics;

/// <summary>
/// Evaluation results with ML.NET's names (MulticlassClassificationMetrics), plus the mean loss and per-class F1.
/// </summary>
public sealed record MulticlassClassificationMetrics
{
    /// <summary>Fraction of examples whose top prediction is right (top-1 accuracy).</summary>
    public double MicroAccuracy { get; init; }
    /// <summary>Mean over classes of each class's accuracy (recall).</summary>
    public double MacroAccuracy { get; init; }
    /// <summary>Mean −ln p(true class), probabilities clipped at 1e-15 as ML.NET does.</summary>
    public double LogLoss { get; init; }
    /// <summary>1 − LogLoss / LogLoss of always predicting the label frequencies (how much better than the prior).</summary>
    public double LogLossReduction { get; init; }
    /// <summary>K of <see cref="TopKAccuracy"/>.</summary>
    public int TopKPredictionCount { get; init; }
    /// <summary>Fraction of examples whose true class is among the K highest scores.</summary>
    public double TopKAccuracy { get; init; }
    /// <summary>Top-k accuracy for k = 1..K.</summary>
    public IReadOnlyList<double> TopKAccuracyForAllK { get; init; } = [];
    /// <summary>Mean log-loss of each class's examples.</summary>
    public IReadOnlyList<double> PerClassLogLoss { get; init; } = [];
    /// <summary>Counts, precision and recall per class.</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }
    /// <summary>Mean training-criterion loss when the evaluator was given one (cross-entropy), else the log-loss.</summary>
    public double Loss { get; init; }
    /// <summary>Examples evaluated.</summary>
    public long Count { get; init; }
    /// <summary>Harmonic mean of precision and recall per class.</summary>
    public IReadOnlyList<double> PerClassF1 => ConfusionMatrix.PerClassF1;
    /// <summary>Mean of the per-class F1 scores.</summary>
    public double MacroF1 => PerClassF1.Count == 0 ? 0 : PerClassF1.Average();
}
