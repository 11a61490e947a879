using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using ModelZoo.MLNetExtensions;
using ModelZoo.MLNetExtensions.Tests.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Encoded image bytes (LoadRawImageBytes, as Microsoft.ML.Vision's trainer takes them): PNG files in one folder per
/// class, dark and bright images, which a few epochs tell apart.
/// </summary>
public sealed class EncodedImageTests : IDisposable
{
    private const int ImagesPerClass = 24;
    private const int Side = 32;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mlnet-png");
    private readonly MLContext ml = new(seed: 1);

    public sealed class ImageFile
    {
        public string ImagePath { get; set; } = "";
        public string Label { get; set; } = "";
    }

    public EncodedImageTests() => PngFolder.Write(folder.FullName, ImagesPerClass, Side);

    public void Dispose() => folder.Delete(recursive: true);

    private IDataView Files() => ml.Data.LoadFromEnumerable(
        Directory.GetFiles(folder.FullName, "*.png", SearchOption.AllDirectories).Order()
            .Select(path => new ImageFile { ImagePath = Path.GetRelativePath(folder.FullName, path), Label = Path.GetFileName(Path.GetDirectoryName(path))! })
            .ToList());

    private EstimatorChain<KeyToValueMappingTransformer> Pipeline() => ml.Transforms.Conversion.MapValueToKey("Label")
        .Append(ml.Transforms.LoadRawImageBytes("Features", folder.FullName, "ImagePath"))
        .Append(ml.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
        {
            Architecture = "mobilenet_v1_x0_25",
            Epochs = 4,
            BatchSize = 8,
            InputSize = Side,
        }))
        .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    [Fact]
    public void Png_bytes_train_a_classifier_that_tells_the_folders_apart_and_survives_save_and_load()
    {
        var data = Files();
        var model = Pipeline().Fit(data);
        var scored = model.Transform(data);

        var labels = data.GetColumn<string>("Label").ToArray();
        var predicted = scored.GetColumn<string>("PredictedLabel").ToArray();
        var accuracy = labels.Zip(predicted).Count(p => p.First == p.Second) / (double)labels.Length;
        Assert.True(accuracy >= 0.75, $"training accuracy {accuracy}");

        var path = Path.Combine(folder.FullName, "model.zip");
        ml.Model.Save(model, data.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _);
        Assert.Equal(scored.GetColumn<float[]>("Score").SelectMany(s => s), loaded.Transform(data).GetColumn<float[]>("Score").SelectMany(s => s));
    }

    [Fact]
    public void A_model_with_a_truncated_weights_entry_is_reported_as_damaged()
    {
        var data = Files();
        var model = ml.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
        {
            Architecture = "mobilenet_v1_x0_25", Epochs = 1, BatchSize = 16, InputSize = Side,
        });
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.Transforms.LoadRawImageBytes("Features", folder.FullName, "ImagePath")).Fit(data).Transform(data);
        using var classifier = model.Fit(keyed);
        var path = Path.Combine(folder.FullName, "damaged.zip");
        ml.Model.Save(classifier, keyed.Schema, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.Single(e => e.FullName.EndsWith("Weights", StringComparison.Ordinal));
            byte[] bytes;
            using (var stream = entry.Open()) { using var copy = new MemoryStream(); stream.CopyTo(copy); bytes = copy.ToArray(); }
            entry.Delete();
            using var replaced = zip.CreateEntry(entry.FullName).Open();
            replaced.Write(bytes, 0, bytes.Length / 2);
        }

        var error = Assert.ThrowsAny<Exception>(() => new MLContext().Model.Load(path, out _));

        var messages = string.Join(" | ", Exceptions(error).Select(e => e.Message));
        Assert.Contains("ModelZoo image classifier cannot be loaded, it is damaged", messages);
    }

    private static IEnumerable<Exception> Exceptions(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }
}
