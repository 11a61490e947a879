using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.Samples.QuickStart;

/// <summary>One Fashion-MNIST example: its class name and 28×28 grey pixel values in 0..255.</summary>
public sealed class FashionImage
{
    public string Label { get; set; } = "";

    [VectorType(28 * 28)]
    public float[] Features { get; set; } = [];
}

/// <summary>What the model says about one image.</summary>
public sealed class FashionPrediction
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}

/// <summary>What one quick-start run produced.</summary>
/// <param name="Metrics">ML.NET's evaluation on the test rows.</param>
/// <param name="Prediction">The prediction engine's answer for the first test image, from the reloaded model.</param>
/// <param name="TruthOfFirst">The first test image's true class.</param>
public sealed record QuickStartResult(MulticlassClassificationMetrics Metrics, FashionPrediction Prediction, string TruthOfFirst);

/// <summary>
/// The quick start, line for line, with the row counts and the model path as parameters so the test project runs
/// the same code on fewer images: train MobileNetV1 0.5× on Fashion-MNIST in an ML.NET pipeline, evaluate it with
/// ML.NET's evaluator, save it with Model.Save, load it and classify one image with a PredictionEngine.
/// </summary>
public static class QuickStart
{
    /// <summary>Trains on <paramref name="trainRows"/> images, tests on <paramref name="testRows"/> and writes the model to <paramref name="modelPath"/>.</summary>
    public static QuickStartResult Run(int trainRows, int testRows, string modelPath)
    {
        var mlContext = new MLContext(seed: 1);
        // Label: the class name; Features: 28×28 grey pixel values in 0..255 (from /usr/share/datasets/fashion-mnist).
        var train = mlContext.Data.TakeRows(mlContext.Data.LoadFashionMnist(train: true), trainRows);
        var test = mlContext.Data.TakeRows(mlContext.Data.LoadFashionMnist(train: false), testRows);

        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(mlContext.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.5, epochs: 2))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(train);

        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test), topKPredictionCount: 5);
        Console.WriteLine($"accuracy {metrics.MicroAccuracy:P1}, top-5 {metrics.TopKAccuracy:P1}, log-loss {metrics.LogLoss:F3}");

        // The zip holds the whole pipeline: key mapping, the architecture, its weights and the class names.
        mlContext.Model.Save(model, train.Schema, modelPath);
        var loaded = mlContext.Model.Load(modelPath, out _);
        var engine = mlContext.Model.CreatePredictionEngine<FashionImage, FashionPrediction>(loaded);
        var first = mlContext.Data.CreateEnumerable<FashionImage>(test, reuseRowObject: false).First();
        var prediction = engine.Predict(first);
        Console.WriteLine($"first test image: {prediction.PredictedLabel} ({prediction.Score.Max():P0}), truly {first.Label}");
        return new QuickStartResult(metrics, prediction, first.Label);
    }
}
