using ModelZoo.Pipelines.Metrics;

namespace ModelZoo.Pipelines.Tests.Training;

public sealed class MetricsTests
{
    [Fact]
    public void ValidationFiguresMatchHandComputedValues()
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

        Assert.Equal(0.75, m.Accuracy, 12);
        // The second example's true class has two classes above it: outside the top 2; the others are inside.
        Assert.Equal(2, m.TopK);
        Assert.Equal(0.75, m.TopKAccuracy, 12);
        Assert.Equal(4, m.Count);
        // No training loss was added: the loss is the mean −ln p(true class).
        Assert.Equal(-(Math.Log(0.7f) + Math.Log(0.2f) + Math.Log(0.8f) + Math.Log(0.4f)) / 4, m.Loss, 6);
        accumulator.AddLoss(1.5, 4);
        Assert.Equal(1.5, accumulator.Compute().Loss, 12);
    }

    [Fact]
    public void LabelsOutsideTheClassesAreRejected()
    {
        var accumulator = new MetricsAccumulator(["a", "b"]);
        var error = Assert.Throws<ArgumentException>(() => accumulator.Add([0.5f, 0.5f], [2L]));
        Assert.Contains("label 2", error.Message);
    }
}
