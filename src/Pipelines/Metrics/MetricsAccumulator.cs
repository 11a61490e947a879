namespace ModelZoo.Pipelines.Metrics;

/// <summary>
/// Accumulates class probabilities and true labels batch by batch and computes the <see cref="ValidationMetrics"/>
/// at the end, in constant memory.
/// </summary>
public sealed class MetricsAccumulator
{
    // ML.NET's log-loss clips probabilities here too.
    private const double ProbabilityFloor = 1e-15;
    private readonly int classes;
    private readonly int topK;
    private long correct;
    private long inTopK;
    private double logLossSum;
    private double lossSum;
    private long lossCount;
    private long count;

    /// <summary>Starts empty for <paramref name="classNames"/> and top-<paramref name="topK"/> accuracy.</summary>
    public MetricsAccumulator(IReadOnlyList<string> classNames, int topK = 5)
    {
        if (classNames.Count < 1) throw new ArgumentException("metrics need at least one class");
        classes = classNames.Count;
        this.topK = Math.Clamp(topK, 1, classes);
    }

    /// <summary>Adds a batch: <paramref name="probabilities"/> is [batch, classes] row-major, labels are class indices.</summary>
    public void Add(ReadOnlySpan<float> probabilities, ReadOnlySpan<long> labels)
    {
        if (probabilities.Length != labels.Length * classes)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * classes} probabilities, got {probabilities.Length}");
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label < 0 || label >= classes) throw new ArgumentException($"label {label} is outside 0..{classes - 1}");
            var row = probabilities.Slice(i * classes, classes);
            var truth = row[(int)label];
            var predicted = 0; // the first of the highest scores, as ML.NET's argmax
            var higher = 0; // classes scored strictly above the true class
            for (var c = 0; c < classes; c++)
            {
                if (row[c] > row[predicted]) predicted = c;
                if (row[c] > truth) higher++;
            }
            if (predicted == label) correct++;
            if (higher < topK) inTopK++;
            logLossSum += -Math.Log(Math.Clamp(truth, ProbabilityFloor, 1.0));
            count++;
        }
    }

    /// <summary>Adds the batch's mean training loss (e.g. cross-entropy with label smoothing), weighted by its size.</summary>
    public void AddLoss(double meanLoss, int batchSize)
    {
        lossSum += meanLoss * batchSize;
        lossCount += batchSize;
    }

    /// <summary>The metrics over everything added.</summary>
    /// <exception cref="InvalidOperationException">Nothing was added.</exception>
    public ValidationMetrics Compute()
    {
        if (count == 0) throw new InvalidOperationException("no examples were evaluated");
        return new ValidationMetrics
        {
            Loss = lossCount > 0 ? lossSum / lossCount : logLossSum / count,
            Accuracy = (double)correct / count,
            TopK = topK,
            TopKAccuracy = (double)inTopK / count,
            Count = count,
        };
    }
}
