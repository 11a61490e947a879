namespace ModelZoo.Pipelines.Metrics;

/// <summary>
/// What the training engine measures on its validation set after every epoch: enough for progress, early stopping,
/// checkpoints and curves. Test metrics (confusion matrix, per-class figures, log-loss reduction) are ML.NET's own
/// <c>MulticlassClassification.Evaluate</c>, which every report and command uses.
/// </summary>
public sealed record ValidationMetrics
{
    /// <summary>Mean training criterion (cross-entropy) when the evaluator was given it, else the mean −ln p(true class).</summary>
    public double Loss { get; init; }

    /// <summary>Fraction of examples whose top prediction is right (top-1 accuracy).</summary>
    public double Accuracy { get; init; }

    /// <summary>K of <see cref="TopKAccuracy"/>.</summary>
    public int TopK { get; init; }

    /// <summary>Fraction of examples whose true class has fewer than K classes scored above it.</summary>
    public double TopKAccuracy { get; init; }

    /// <summary>Examples evaluated.</summary>
    public long Count { get; init; }
}
