using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>Encoded image bytes (LoadRawImageBytes, as Microsoft.ML.Vision's trainer takes them) of <see cref="PngClassFolders"/>.</summary>
[Collection(SerialTraining.Name)]
public sealed class EncodedImageTests : IDisposable
{
    private const int Side = PngClassFolders.Side;
    private readonly PngClassFolders pngs = new();
    private readonly MLContext ml = new(seed: 1);

    public void Dispose() => pngs.Dispose();

    private IDataView Files() => pngs.Files(ml);

    private EstimatorChain<KeyToValueMappingTransformer> Pipeline() => ml.Transforms.Conversion.MapValueToKey("Label")
        .Append(ml.Transforms.LoadRawImageBytes("Features", pngs.Root, "ImagePath"))
        .Append(ml.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
        {
            Architecture = "mobilenet_v1_x0_25",
            Epochs = 4,
            BatchSize = 8,
            // The settings these input tests were written for (the trainer's defaults before the family recipes), so
            // that they test reading images, not a recipe: SGD at 0.05, no warm-up, no augmentation.
            Optimizer = OptimizerKind.Sgd,
            LearningRate = 0.05,
            WarmupEpochs = 0,
            Augmentation = Augmentation.None,
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

        var path = Path.Combine(pngs.Root, "model.zip");
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
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.Transforms.LoadRawImageBytes("Features", pngs.Root, "ImagePath")).Fit(data).Transform(data);
        using var classifier = model.Fit(keyed);
        var path = Path.Combine(pngs.Root, "damaged.zip");
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
