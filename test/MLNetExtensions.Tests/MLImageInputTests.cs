using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// ML.NET's image type (MLImage, from LoadImages) as the feature column, for training, Transform and PredictionEngine;
/// it and encoded bytes are both decoded images to the network, so one trained model scores them alike.
/// </summary>
[Collection(SerialTraining.Name)]
public sealed class MLImageInputTests : IDisposable
{
    private readonly PngClassFolders pngs = new();
    private readonly MLContext ml = new(seed: 1);

    public void Dispose() => pngs.Dispose();

    public sealed class ScoredImage
    {
        public float[] Score { get; set; } = [];
        public string PredictedLabel { get; set; } = "";
    }

    private ImageClassifierTrainer Trainer(int epochs, BadImagePolicy badImages = BadImagePolicy.Skip) =>
        ml.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
        {
            Architecture = "mobilenet_v1_x0_25",
            Epochs = epochs,
            BatchSize = 8,
            // The settings these input tests were written for (the trainer's defaults before the family recipes), so
            // that they test reading images, not a recipe: SGD at 0.05, no warm-up, no augmentation.
            Optimizer = OptimizerKind.Sgd,
            LearningRate = 0.05,
            WarmupEpochs = 0,
            Augmentation = Augmentation.None,
            InputSize = PngClassFolders.Side,
            ImagePathColumnName = "ImagePath",
            BadImages = badImages,
        });

    /// <summary>The files with a key label and their bytes in "Features" (LoadRawImageBytes).</summary>
    private IDataView Bytes(IDataView files) => ml.Transforms.Conversion.MapValueToKey("Label")
        .Append(ml.Transforms.LoadRawImageBytes("Features", pngs.Root, "ImagePath")).Fit(files).Transform(files);

    [Fact]
    public void LoadImages_trains_and_scores_and_its_scores_equal_those_of_the_same_files_as_bytes()
    {
        var files = pngs.Files(ml);
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadImages("Features", pngs.Root, "ImagePath"))
            .Append(Trainer(epochs: 4))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(files);
        var scored = model.Transform(files);

        var labels = files.GetColumn<string>("Label").ToArray();
        var predicted = scored.GetColumn<string>("PredictedLabel").ToArray();
        var accuracy = labels.Zip(predicted).Count(p => p.First == p.Second) / (double)labels.Length;
        Assert.True(accuracy >= 0.75, $"training accuracy {accuracy}");
        var scores = scored.GetColumn<float[]>("Score").ToList();

        var classifier = model.OfType<ImageClassifierTransformer>().Single();
        Assert.Equal(scores.SelectMany(s => s), classifier.Transform(Bytes(files)).GetColumn<float[]>("Score").SelectMany(s => s));

        var first = ml.Data.CreateEnumerable<PngClassFolders.ImageFile>(files, reuseRowObject: false).First();
        using var engine = ml.Model.CreatePredictionEngine<PngClassFolders.ImageFile, ScoredImage>(model);
        // One image through the row mapper against the batched Transform: libtorch's CPU convolutions round differently
        // at another batch size, so equal within float rounding, not bit for bit.
        Assert.All(scores[0].Zip(engine.Predict(first).Score), pair => Assert.Equal(pair.First, pair.Second, 1e-5));

        var path = Path.Combine(pngs.Root, "model.zip");
        ml.Model.Save(model, files.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _);
        Assert.Equal(scores.SelectMany(s => s), loaded.Transform(files).GetColumn<float[]>("Score").SelectMany(s => s));
    }

    [Fact]
    public void A_model_asked_to_score_pixel_vectors_names_the_column_its_type_and_what_it_takes()
    {
        using var classifier = Trainer(epochs: 1).Fit(Bytes(pngs.Files(ml)));
        var pixels = FashionRow.Load(ml, train: false, count: 4);

        var error = Assert.Throws<ArgumentException>(() => classifier.Transform(pixels));

        Assert.Contains("feature column 'Features' has type Vector<Single, 784>", error.Message);
        Assert.Contains("Vector<Byte>", error.Message);
        Assert.Contains("MLImage", error.Message);
    }

    [Fact]
    public void An_unreadable_file_is_named_by_the_image_path_column()
    {
        File.WriteAllText(Path.Combine(pngs.Root, "bright", "broken.png"), "not a PNG");

        var error = Assert.Throws<InvalidDataException>(() => Trainer(epochs: 1, BadImagePolicy.Fail).Fit(Bytes(pngs.Files(ml))));

        Assert.StartsWith(Path.Combine("bright", "broken.png") + ": ", error.Message);
    }
}
