namespace ModelZoo.Pipelines.Metrics;

/// <summary>
/// Accumulates class probabilities and true labels batch by batch and computes
/// <see cref="MulticlassClassificationMetrics"/> at the end; memory is O(classes²), not O(examples).
/// </summary>
public sealed class MetricsAccumulator
{
    private const double ProbabilityFloor = 1e-15;
    private readonly IReadOnlyList<string> classNames;
    private readonly int topK;
    private readonly long[][] confusion;
    private readonly long[] rankHits;
    private readonly double[] logLossPerClass;
    private readonly long[] examplesPerClass;
    private double logLossSum;
    private double lossSum;
    private long lossCount;
    private long count;

    /// <summary>Starts empty for <paramref name="classNames"/> and top-<paramref name="topK"/> accuracy.</summary>
    public MetricsAccumulator(IReadOnlyList<string> classNames, int topK = 5)
    {
        if (classNames.Count < 1) throw new ArgumentException("metrics need at least one class");
        this.classNames = classNames;
        this.topK = Math.Clamp(topK, 1, classNames.Count);
        confusion = Enumerable.Range(0, classNames.Count).Select(_ => new long[classNames.Count]).ToArray();
        rankHits = new long[this.topK];
        logLossPerClass = new double[classNames.Count];
        examplesPerClass = new long[classNames.Count];
    }

    /// <summary>Adds a batch: <paramref name="probabilities"/> is [batch, classes] row-major, labels are class indices.</summary>
    public void Add(ReadOnlySpan<float> probabilities, ReadOnlySpan<long> labels)
    {
        var classes = classNames.Count;
        if (probabilities.Length != labels.Length * classes)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * classes} probabilities, got {probabilities.Length}");
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label < 0 || label >= classes) throw new ArgumentException($"label {label} is outside 0..{classes - 1}");
            var row = probabilities.Slice(i * classes, classes);
            var predicted = 0;
            var truth = row[(int)label];
            var rank = 0; // classes scored strictly higher than the true class
            for (var c = 0; c < classes; c++)
            {
                if (row[c] > row[predicted]) predicted = c;
                if (row[c] > truth) rank++;
            }
            confusion[label][predicted]++;
            if (rank < topK) rankHits[rank]++;
            var logLoss = -Math.Log(Math.Clamp(truth, ProbabilityFloor, 1.0));
            logLossSum += logLoss;
            logLossPerClass[label] += logLoss;
            examplesPerClass[label]++;
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
    public MulticlassClassificationMetrics Compute()
    {
        if (count == 0) throw new InvalidOperationException("no examples were evaluated");
        var classes = classNames.Count;
        var matrix = new ConfusionMatrix(classNames, confusion.Select(r => (long[])r.Clone()).ToArray());
        var present = Enumerable.Range(0, classes).Where(c => examplesPerClass[c] > 0).ToList();
        var logLoss = logLossSum / count;
        var priorLogLoss = present.Sum(c =>
        {
            var p = (double)examplesPerClass[c] / count;
            return -p * Math.Log(p);
        });
        var cumulative = new double[topK];
        long hits = 0;
        for (var k = 0; k < topK; k++)
        {
            hits += rankHits[k];
            cumulative[k] = (double)hits / count;
        }
        return new MulticlassClassificationMetrics
        {
            MicroAccuracy = (double)Enumerable.Range(0, classes).Sum(c => confusion[c][c]) / count,
            MacroAccuracy = present.Average(c => matrix.PerClassRecall[c]),
            LogLoss = logLoss,
            // A single-class test set has zero prior entropy: no reduction is measurable.
            LogLossReduction = priorLogLoss > 0 ? 1 - logLoss / priorLogLoss : 0,
            TopKPredictionCount = topK,
            TopKAccuracy = cumulative[^1],
            TopKAccuracyForAllK = cumulative,
            PerClassLogLoss = Enumerable.Range(0, classes).Select(c => examplesPerClass[c] == 0 ? 0 : logLossPerClass[c] / examplesPerClass[c]).ToList(),
            ConfusionMatrix = matrix,
            Loss = lossCount > 0 ? lossSum / lossCount : logLoss,
            Count = count,
        };
    }
}
