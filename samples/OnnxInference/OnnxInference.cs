using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;
using ModelZoo.MLNetExtensions;
using ModelZoo.Onnx;
using SkiaSharp;

namespace ModelZoo.Samples.OnnxInference;

/// <summary>One image file and its class.</summary>
public sealed class ImageRow
{
    public string Label { get; set; } = "";

    public string ImagePath { get; set; } = "";
}

/// <summary>What the sample found.</summary>
/// <param name="Images">Images scored both ways.</param>
/// <param name="Agreements">Images for which ML.NET + ONNX Runtime and ModelZoo predict the same class.</param>
/// <param name="MaxScoreDifference">Largest difference between the two probabilities of any class of any image.</param>
/// <param name="OnnxPath">The exported model.</param>
public sealed record OnnxInferenceResult(int Images, int Agreements, double MaxScoreDifference, string OnnxPath);

/// <summary>
/// Deploying a ModelZoo classifier without ModelZoo: train it in an ML.NET pipeline, export it to ONNX, then score
/// images with nothing but ML.NET's own transforms — LoadImages, ResizeImages, ExtractPixels — and ApplyOnnxModel.
/// The exported graph normalises with the training mean and std itself (its metadata says so), so ExtractPixels
/// only scales the 0..255 pixels to 0..1.
/// </summary>
public static class OnnxInference
{
    private const int Side = 32;
    private const int ImagesPerClass = 4;
    private const string PixelsColumn = OnnxExporter.PixelsInputName;

    /// <summary>Writes a small image set, the model and its ONNX export to <paramref name="folder"/> and compares the two scorers.</summary>
    public static OnnxInferenceResult Run(string folder)
    {
        var mlContext = new MLContext(seed: 1);
        var rows = WriteImages(folder);
        var data = mlContext.Data.LoadFromEnumerable(rows);

        // ModelZoo: train (one epoch; agreement, not accuracy, is the point) and score.
        var training = mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(mlContext.Transforms.LoadImages("Image", folder, nameof(ImageRow.ImagePath)))
            .Append(mlContext.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
            {
                Architecture = "mobilenet_v1_x0_25",
                FeatureColumnName = "Image",
                InputSize = Side,
                Epochs = 1,
                BatchSize = 4,
                Seed = 1,
            }));
        using var model = training.Fit(data);
        var classifier = model.LastTransformer;
        var zooScores = mlContext.Data.CreateEnumerable<Scored>(model.Transform(data), reuseRowObject: false).Select(s => s.Score).ToList();

        // Export: batch 1, as ML.NET's ONNX transformer feeds one row at a time.
        var onnxPath = Path.Combine(folder, "classifier.onnx");
        classifier.ExportOnnx(onnxPath, new OnnxExportOptions { BatchSize = 1 });

        // ML.NET and ONNX Runtime only.
        var scoring = mlContext.Transforms.LoadImages("Image", folder, nameof(ImageRow.ImagePath))
            .Append(mlContext.Transforms.ResizeImages("Image", Side, Side, resizing: ImageResizingEstimator.ResizingKind.IsoCrop))
            .Append(mlContext.Transforms.ExtractPixels(PixelsColumn, "Image", scaleImage: 1f / 255))
            .Append(mlContext.Transforms.ApplyOnnxModel(OnnxExporter.ProbabilitiesName, PixelsColumn, onnxPath));
        using var onnxModel = scoring.Fit(data);
        var onnxScores = mlContext.Data.CreateEnumerable<OnnxScored>(onnxModel.Transform(data), reuseRowObject: false)
            .Select(s => s.probabilities).ToList();

        var agreements = zooScores.Zip(onnxScores).Count(p => ArgMax(p.First) == ArgMax(p.Second));
        var maxDifference = zooScores.Zip(onnxScores).Max(p => p.First.Zip(p.Second, (a, b) => Math.Abs((double)a - b)).Max());
        return new OnnxInferenceResult(rows.Count, agreements, maxDifference, onnxPath);
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    /// <summary>Two classes of <see cref="Side"/>-pixel PNGs: reddish and bluish noise.</summary>
    private static List<ImageRow> WriteImages(string folder)
    {
        var random = new Random(3);
        var rows = new List<ImageRow>();
        foreach (var label in new[] { "red", "blue" })
            for (var i = 0; i < ImagesPerClass; i++)
            {
                using var bitmap = new SKBitmap(Side, Side);
                for (var y = 0; y < Side; y++)
                    for (var x = 0; x < Side; x++)
                    {
                        var strong = (byte)random.Next(128, 256);
                        var weak = (byte)random.Next(0, 128);
                        var green = (byte)random.Next(0, 256);
                        bitmap.SetPixel(x, y, label == "red" ? new SKColor(strong, green, weak) : new SKColor(weak, green, strong));
                    }
                var name = $"{label}{i}.png";
                using (var file = File.Create(Path.Combine(folder, name)))
                    bitmap.Encode(file, SKEncodedImageFormat.Png, 100);
                rows.Add(new ImageRow { Label = label, ImagePath = name });
            }
        return rows;
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class OnnxScored
    {
        // Named as the graph's output.
#pragma warning disable IDE1006
        public float[] probabilities { get; set; } = [];
#pragma warning restore IDE1006
    }
}
