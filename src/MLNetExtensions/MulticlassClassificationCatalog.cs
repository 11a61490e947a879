using ModelZoo.Pipelines.Metrics;

namespace ModelZoo.MLNetExtensions;

/// <summary>Evaluating predictions (<c>ctx.MulticlassClassification</c>), as ML.NET's <c>MulticlassClassificationCatalog</c>.</summary>
public sealed class MulticlassClassificationCatalog
{
    internal MulticlassClassificationCatalog()
    {
    }

    /// <summary>
    /// Accuracy (micro and macro), log-loss and its reduction, top-K accuracy and the confusion matrix of
    /// <paramref name="data"/>, the output of a trained pipeline's <c>Transform</c>.
    /// </summary>
    /// <param name="data">Predictions from <c>model.Transform(testData)</c>.</param>
    /// <param name="topKPredictionCount">K of the top-K accuracy, at least 1 (capped at the number of classes).</param>
    /// <exception cref="ArgumentException">The data holds no predictions, or a true label is not one of the model's classes.</exception>
    public MulticlassClassificationMetrics Evaluate(IDataView data, int topKPredictionCount = 5)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(topKPredictionCount, 1);
        var predictions = data as PredictionDataView ?? throw new ArgumentException(
            $"expected predictions (the result of model.Transform(data)), got a {data.GetType().Name}", nameof(data));
        if (predictions.Count == 0) throw new ArgumentException("there are no predictions to evaluate", nameof(data));
        var accumulator = new MetricsAccumulator(predictions.ClassNames, topKPredictionCount);
        foreach (var row in predictions)
        {
            if (row.LabelIndex < 0)
                throw new ArgumentException(
                    $"label '{row.Label}' is not one of the model's classes ({string.Join(", ", predictions.ClassNames)})", nameof(data));
            accumulator.Add(row.Score, [row.LabelIndex]);
        }
        return accumulator.Compute();
    }
}
