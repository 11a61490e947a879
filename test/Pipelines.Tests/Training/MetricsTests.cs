using ModelZoo.Pipelines.Metrics;

namespace ModelZoo.Pipelines.Tests.Training;

public sealed class MetricsTests
{
    [Fact]
    public void MetricsMatchHandComputedValues()
    {
        // Three classes, four examples. Rows: predicted probabilities; labels 0, 0, 1, 2.
        float[] probabilities =
        [
            0.7f, 0.2f, 0.1f,   // label 0, predicted 0
            0.2f, 0.5f, 0.3f,   // label 0, predicted 1 (true class ranked 3rd)
            0.1f, 0.8f, 0.1f,   // label 1, predicted 1
            0.3f, 0.3f, 0.4f,   // label 2, predicted 2
        ];
        var accumulator = new MetricsAccumulator(["a", "b", "c"], topK: 2);
        accumulator.Add(probabilities, [0L, 0L, 1L, 2L]);
        var m = accumulator.Compute();

        Assert.Equal(0.75, m.MicroAccuracy, 12);
        Assert.Equal((0.5 + 1 + 1) / 3, m.MacroAccuracy, 12);
        var logLoss = -(Math.Log(0.7f) + Math.Log(0.2f) + Math.Log(0.8f) + Math.Log(0.4f)) / 4;
        Assert.Equal(logLoss, m.LogLoss, 6);
        // Prior: frequencies 1/2, 1/4, 1/4 -> entropy.
        var prior = -(0.5 * Math.Log(0.5) + 2 * 0.25 * Math.Log(0.25));
        Assert.Equal(1 - logLoss / prior, m.LogLossReduction, 6);
        Assert.Equal([0.75, 0.75], m.TopKAccuracyForAllK);
        Assert.Equal(-(Math.Log(0.7f) + Math.Log(0.2f)) / 2, m.PerClassLogLoss[0], 6);
        Assert.Equal([[1L, 1L, 0L], [0L, 1L, 0L], [0L, 0L, 1L]], m.ConfusionMatrix.Counts.Select(r => r.ToArray()).ToArray());
        Assert.Equal([1.0, 0.5, 1.0], m.ConfusionMatrix.PerClassPrecision);
        Assert.Equal([0.5, 1.0, 1.0], m.ConfusionMatrix.PerClassRecall);
        Assert.Equal(2 * 0.5 / 1.5, m.PerClassF1[0], 12);
        Assert.Contains("Precision", m.ConfusionMatrix.GetFormattedConfusionTable());
    }

    [Fact]
    public void LabelsOutsideTheClassesAreRejected()
    {
        var accumulator = new MetricsAccumulator(["a", "b"]);
        var error = Assert.Throws<ArgumentException>(() => accumulator.Add([0.5f, 0.5f], [2L]));
        Assert.Contains("label 2", error.Message);
    }
}
