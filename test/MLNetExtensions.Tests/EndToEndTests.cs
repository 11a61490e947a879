using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.MLNetExtensions.Transforms;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions.Tests;

public sealed class EndToEndTests(TrainedPipelineFixture fixture) : IClassFixture<TrainedPipelineFixture>
{
    private const double Tolerance = 1e-6;
    private const double MaxFinalTrainingLoss = 0.75;
    private const double MinHeldOutAccuracy = 0.8;

    [Fact]
    public void TrainTestSplit_KeepsClassProportions()
    {
        Assert.Equal([15, 15, 15], fixture.Split.TestSet.Dataset.CountPerClass());
        Assert.Equal([45, 45, 45], fixture.Split.TrainSet.Dataset.CountPerClass());
        Assert.Equal(Bars.ClassNames, fixture.Split.TestSet.ClassNames);
    }

    [Fact]
    public void Fit_Learns()
    {
        // Thread counts and CPUs round differently, and a run of 8 short epochs follows its own path on each machine
        // (measured here over seeds 1-3 and 1 or 2 threads: final training loss 0.35-0.55, held-out accuracy
        // 0.91-1.0). So the bars sit well clear of chance (loss ln 3 = 1.10, accuracy 1/3) and of those runs, and
        // training accuracy on augmented batches, the noisiest figure, is left out.
        var history = fixture.Model.LastTransformer.TrainingHistory;
        Assert.True(history[^1].TrainLoss < MaxFinalTrainingLoss, $"final training loss {history[^1].TrainLoss}");
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, $"training loss {history[0].TrainLoss} -> {history[^1].TrainLoss}");
        // Held-out images too: precise BN keeps evaluation mode in step with the trained weights.
        var metrics = fixture.Context.MulticlassClassification.Evaluate(fixture.Predictions);
        Assert.True(metrics.MicroAccuracy >= MinHeldOutAccuracy, $"test accuracy {metrics.MicroAccuracy}");
    }

    [Fact]
    public void Evaluate_AgreesWithTheRowsAndWithTheTrainersOwnValidation()
    {
        var metrics = fixture.Context.MulticlassClassification.Evaluate(fixture.Predictions, topKPredictionCount: 5);
        Assert.Equal(45, metrics.Count);
        Assert.Equal(fixture.Predictions.Count(row => row.PredictedLabel == row.Label) / 45.0, metrics.MicroAccuracy, 1e-12);
        Assert.Equal(3, metrics.TopKPredictionCount); // capped at the class count
        Assert.Equal(1.0, metrics.TopKAccuracy);
        Assert.Equal(45, metrics.ConfusionMatrix.Counts.SelectMany(row => row).Sum());

        // The trainer validated on the same test set after the last epoch, through the Pipelines evaluator.
        var last = fixture.Model.LastTransformer.TrainingHistory[^1];
        Assert.Equal(last.ValidationAccuracy!.Value, metrics.MicroAccuracy, 1e-12);
        Assert.Equal(last.ValidationLoss!.Value, metrics.LogLoss, 1e-5);
    }

    [Fact]
    public void Fit_ReportsEveryEpochToBothCallbacks()
    {
        var history = fixture.Model.LastTransformer.TrainingHistory;
        Assert.Equal(Enumerable.Range(1, TrainedPipelineFixture.Epochs), history.Select(r => r.Epoch));
        Assert.Equal(history, fixture.EpochCallbacks);
        Assert.Equal(history, fixture.Reported);
        Assert.All(history, r => Assert.NotNull(r.ValidationAccuracy));
    }

    [Fact]
    public void Fit_KeepsTheResolvedStepsAndTheTrainingPreprocessing()
    {
        var steps = fixture.Model.Take(4).Cast<ImageTransformer>().Select(t => t.Operation).ToList();
        Assert.Equal(new ResizeImagesOperation(16), steps[0]);
        var normalize = Assert.IsType<NormalizeImagesOperation>(steps[1]);
        Assert.Equal(Preprocessing.ImageNetMean, normalize.Mean); // the folder source's default, filled in by Fit
        Assert.Equal(Preprocessing.ImageNetStd, normalize.Std);
        Assert.Equal([typeof(RandomHorizontalFlipOperation), typeof(RandomCropOperation)], steps.Skip(2).Select(s => s.GetType()));
        Assert.Equal([false, false, true, true], steps.Select(s => s.TrainingOnly));

        var classifier = fixture.Model.LastTransformer;
        Assert.Equal("mobilenet_v1_x0_25", classifier.Architecture);
        Assert.Equal((16, 1, 3), (classifier.Preprocessing.InputSize, classifier.Preprocessing.Channels, classifier.ModelOptions.NumClasses));
        Assert.Equal(Bars.ClassNames, classifier.ClassNames);
    }

    [Fact]
    public void Transform_GivesProbabilitiesTheTrueLabelAndTheArgmax()
    {
        var test = fixture.Split.TestSet;
        Assert.Equal(test.Count, fixture.Predictions.Count);
        for (var i = 0; i < test.Count; i++)
        {
            var row = fixture.Predictions[i];
            Assert.Equal(3, row.Score.Length);
            Assert.Equal(1.0, row.Score.Sum(), 1e-5);
            Assert.Equal(Bars.ClassNames[Array.IndexOf(row.Score, row.Score.Max())], row.PredictedLabel);
            Assert.Equal(test.ClassNames[test.Dataset.GetLabel(i)], row.Label);
        }
    }

    [Fact]
    public void SaveAndLoad_GiveTheSameScoresAndSteps()
    {
        var path = Path.Combine(fixture.Directory, "bars.mzmodel");
        fixture.Context.Model.Save(fixture.Model, path);
        using var loaded = fixture.Context.Model.Load(path);

        Assert.Equal(fixture.Model.Count, loaded.Count);
        Assert.Equal(new ResizeImagesOperation(16), ((ImageTransformer)loaded[0]).Operation);
        Assert.Equal(Preprocessing.ImageNetMean, Assert.IsType<NormalizeImagesOperation>(((ImageTransformer)loaded[1]).Operation).Mean);
        Assert.Equal(new RandomCropOperation(1), ((ImageTransformer)loaded[3]).Operation);
        Assert.Equal("mobilenet_v1_x0_25", loaded.LastTransformer.Architecture);
        Assert.Equal(Bars.ClassNames, loaded.LastTransformer.ClassNames);
        Assert.Empty(loaded.LastTransformer.TrainingHistory);

        var reloaded = (PredictionDataView)loaded.Transform(fixture.Split.TestSet);
        for (var i = 0; i < reloaded.Count; i++)
            AssertClose(fixture.Predictions[i].Score, reloaded[i].Score);
    }

    [Fact]
    public void PredictionEngine_AgreesWithTransformForEveryKindOfInput()
    {
        var engine = fixture.Context.Model.CreatePredictionEngine(fixture.Model);
        var subset = (ImageDatasetSubset)fixture.Split.TestSet.Dataset;
        var path = ((ImageFolderDataset)subset.Source).GetPath(subset.Indices[0]);
        var expected = fixture.Predictions[0];
        var image = ImageDecoder.Decode(path, 1);
        var rgb = new Image(image.Width, image.Height, 3, [.. image.Pixels.SelectMany(v => new[] { v, v, v })]);

        ImageClassificationResult[] results =
        [
            engine.Predict(path),
            engine.Predict(File.ReadAllBytes(path)),
            engine.Predict(image),
            engine.Predict(image.Pixels, image.Width, image.Height, 1),
            engine.Predict(rgb), // converted to grey with luma weights that sum to 1: the same pixels
        ];
        foreach (var result in results)
        {
            AssertClose(expected.Score, result.Score);
            Assert.Equal(expected.PredictedLabel, result.PredictedLabel);
            Assert.Equal(3, result.TopK.Count);
            Assert.Equal(result.PredictedLabel, result.TopK[0].Label);
            Assert.True(result.TopK[0].Probability >= result.TopK[1].Probability && result.TopK[1].Probability >= result.TopK[2].Probability);
        }
        Assert.Single(fixture.Context.Model.CreatePredictionEngine(fixture.Model, topK: 1).Predict(image).TopK);
    }

    [Fact]
    public void DisposedModel_RefusesToPredict()
    {
        var path = Path.Combine(fixture.Directory, "disposed.mzmodel");
        fixture.Context.Model.Save(fixture.Model.LastTransformer, path); // the classifier alone is a pipeline too
        var loaded = fixture.Context.Model.Load(path);
        Assert.Single(loaded);
        loaded.Dispose();
        Assert.Throws<ObjectDisposedException>(() => loaded.Transform(fixture.Split.TestSet));
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var c = 0; c < expected.Length; c++)
            Assert.True(Math.Abs(expected[c] - actual[c]) <= Tolerance, $"class {c}: {expected[c]} vs {actual[c]}");
    }
}
