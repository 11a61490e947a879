using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.Samples.ImageFolder;

/// <summary>One image file and its class (the name of the sub-folder it lies in).</summary>
public sealed class ImageFile
{
    public string Label { get; set; } = "";

    public string ImagePath { get; set; } = "";
}

/// <summary>What the model says about one image.</summary>
public sealed class ImagePrediction
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}

/// <summary>What one run produced.</summary>
/// <param name="Metrics">ML.NET's evaluation on the held-out images.</param>
/// <param name="Prediction">The prediction engine's answer for the first held-out image, from the reloaded model.</param>
/// <param name="First">That image.</param>
public sealed record ImageFolderResult(MulticlassClassificationMetrics Metrics, ImagePrediction Prediction, ImageFile First);

/// <summary>
/// Your own photos, the ML.NET way: LoadImageFolder turns a folder with one sub-folder per class into rows of
/// ImagePath and Label; MapValueToKey, LoadRawImageBytes, MobileNet and MapKeyToValue make the pipeline; Fit, Evaluate,
/// Model.Save, Model.Load and a PredictionEngine do the rest. The test project runs this same code on a small generated folder.
/// </summary>
public static class ImageFolderSample
{
    /// <summary>Trains on three quarters of <paramref name="folder"/>'s images, tests on the rest, writes the model to <paramref name="modelPath"/>.</summary>
    public static ImageFolderResult Run(string folder, string modelPath, int epochs)
    {
        var mlContext = new MLContext(seed: 1);
        var images = mlContext.Data.LoadImageFolder(folder); // ImagePath, Label (the sub-folder's name)
        var split = mlContext.Data.TrainTestSplit(images, testFraction: 0.25, seed: 1);

        // MobileNetV1 at a quarter width learns from a few hundred photos on a CPU; it trains at the images' own size,
        // so photos from a camera are best made small (a side of 64 to 224 pixels) first.
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(mlContext.Transforms.LoadRawImageBytes("Image", imageFolder: null, inputColumnName: "ImagePath"))
            .Append(mlContext.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.25, featureColumnName: "Image", epochs: epochs, batchSize: 16))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(split.TrainSet);

        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"accuracy {metrics.MicroAccuracy:P1}, log-loss {metrics.LogLoss:F3}");
        Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

        // The zip holds the whole pipeline: label keys, image loading, the network's weights and the class names.
        mlContext.Model.Save(model, images.Schema, modelPath);
        var loaded = mlContext.Model.Load(modelPath, out _);
        var engine = mlContext.Model.CreatePredictionEngine<ImageFile, ImagePrediction>(loaded);
        var first = mlContext.Data.CreateEnumerable<ImageFile>(split.TestSet, reuseRowObject: false).First();
        var prediction = engine.Predict(first);
        Console.WriteLine($"{Path.GetFileName(first.ImagePath)}: {prediction.PredictedLabel} ({prediction.Score.Max():P0}), truly {first.Label}");
        return new ImageFolderResult(metrics, prediction, first);
    }
}
