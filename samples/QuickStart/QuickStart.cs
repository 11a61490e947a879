using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Metrics;

namespace ModelZoo.Samples.QuickStart;

/// <summary>What one quick-start run produced.</summary>
/// <param name="Metrics">Evaluation on the test rows.</param>
/// <param name="Prediction">The prediction engine's answer for the first test image, from the reloaded model.</param>
public sealed record QuickStartResult(MulticlassClassificationMetrics Metrics, ImageClassificationResult Prediction);

/// <summary>
/// The README's quick start, line for line, with the row counts and the model path as parameters so the test
/// project runs the same code on fewer images: train MobileNetV1 0.5× on Fashion-MNIST, evaluate it, save it,
/// load it and classify one image.
/// </summary>
public static class QuickStart
{
    /// <summary>Trains on <paramref name="trainRows"/> images, tests on <paramref name="testRows"/> and writes the model to <paramref name="modelPath"/>.</summary>
    public static QuickStartResult Run(int trainRows, int testRows, string modelPath)
    {
        var ctx = new ModelZooContext(seed: 1);

        // Fashion-MNIST (28×28 grey, 10 classes) from /usr/share/datasets/fashion-mnist.
        var train = ctx.Data.TakeRows(ctx.Data.LoadFashionMnist(train: true), trainRows);
        var test = ctx.Data.TakeRows(ctx.Data.LoadFashionMnist(train: false), testRows);

        // Augmentation while training, then the architecture, as ML.NET users write pipelines.
        var pipeline = ctx.Transforms.RandomHorizontalFlip()
            .Append(ctx.Transforms.MobileNet(version: 1, width: 0.5, epochs: 2));

        using var model = pipeline.Fit(train);
        var metrics = ctx.MulticlassClassification.Evaluate(model.Transform(test), topKPredictionCount: 5);
        Console.WriteLine($"accuracy {metrics.MicroAccuracy:P1}, top-5 {metrics.TopKAccuracy:P1}, log-loss {metrics.LogLoss:F3}");

        // One file holds the steps, the class names and the weights.
        ctx.Model.Save(model, modelPath);
        using var loaded = ctx.Model.Load(modelPath);
        var engine = ctx.Model.CreatePredictionEngine(loaded);
        var prediction = engine.Predict(test.Dataset.GetImage(0));
        Console.WriteLine($"first test image: {prediction.PredictedLabel} ({prediction.TopK[0].Probability:P0}), truly {test.ClassNames[test.Dataset.GetLabel(0)]}");

        return new QuickStartResult(metrics, prediction);
    }
}
