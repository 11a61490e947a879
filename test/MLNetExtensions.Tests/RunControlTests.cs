using System.Reflection;
using Microsoft.ML;
using ModelZoo.Pipelines.Training;
using TorchSharp;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>Options that steer a run: checkpoints and Resume, cancellation, early stopping, initial weights.</summary>
public sealed class RunControlTests : IDisposable
{
    private const int PerClass = 16;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mlnet-run-control");

    public void Dispose() => folder.Delete(recursive: true);

    private string Folder(string name) => Path.Combine(folder.FullName, name);

    private static ImageClassifierTransformer Fit(ImageClassifierTrainer.Options options, MLContext? ml = null)
    {
        ml ??= new MLContext(seed: 1);
        return ml.MulticlassClassification.Trainers.ImageClassifier(options).Fit(BarRow.Keyed(ml, PerClass));
    }

    /// <summary>Two epochs with a held-out fraction (so Resume must hold out the same rows) and checkpoints.</summary>
    private ImageClassifierTrainer.Options Checkpointed(string directory)
    {
        var options = BarRow.SmallRun(epochs: 2);
        options.ValidationFraction = 0.25;
        options.CheckpointDirectory = Folder(directory);
        return options;
    }

    [Fact]
    public void A_run_cancelled_after_an_epoch_and_resumed_from_latest_ends_with_bit_identical_weights()
    {
        using var uninterrupted = Fit(Checkpointed("whole"));

        using var cancellation = new CancellationTokenSource();
        var interrupted = Checkpointed("interrupted");
        interrupted.CancellationToken = cancellation.Token;
        interrupted.ProgressCallback = epoch => { if (epoch.Epoch == 1) cancellation.Cancel(); };
        Assert.ThrowsAny<OperationCanceledException>(() => Fit(interrupted));
        Assert.Equal(["epoch-001.mzckpt"], Directory.GetFiles(Folder("interrupted"), "epoch-*").Select(Path.GetFileName));

        var resumed = Checkpointed("interrupted");
        resumed.Resume = ImageClassifierTrainer.Options.ResumeLatest;
        List<int> trainedEpochs = [];
        resumed.ProgressCallback = epoch => trainedEpochs.Add(epoch.Epoch);
        using var continued = Fit(resumed);

        // Only the second epoch ran again (a fresh run with the same seed would match too, so this is what proves the resume).
        Assert.Equal([2], trainedEpochs);

        Assert.Equal(uninterrupted.TrainingHistory.Select(r => (r.TrainLoss, r.ValidationLoss)), continued.TrainingHistory.Select(r => (r.TrainLoss, r.ValidationLoss)));
        using var scope = torch.NewDisposeScope();
        var expected = uninterrupted.Model.state_dict();
        var actual = continued.Model.state_dict();
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(
            pair.Value.shape.SequenceEqual(actual[pair.Key].shape) && pair.Value.eq(actual[pair.Key]).all().item<bool>(), $"{pair.Key} differs"));
    }

    [Fact]
    public void Cancelling_the_MLContext_stops_Fit()
    {
        var ml = new MLContext(seed: 1);
        var options = BarRow.SmallRun(epochs: 3);
        var epochs = 0;
        options.ProgressCallback = _ =>
        {
            epochs++;
            CancelExecution(ml);
        };
        Assert.ThrowsAny<OperationCanceledException>(() => Fit(options, ml));
        Assert.Equal(1, epochs);
    }

    /// <summary>
    /// MLContext.CancelExecution, ML.NET's own cancellation: internal to ML.NET (its Microsoft.ML.Experimental package
    /// makes it public), so reached by reflection here.
    /// </summary>
    private static void CancelExecution(MLContext ml) =>
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.Invoke(ml, null);

    [Fact]
    public void Early_stopping_ends_the_run_when_validation_stops_improving()
    {
        var options = BarRow.SmallRun(epochs: 4);
        options.ValidationFraction = 0.25;
        // No epoch can improve the loss by 100: the first sets the best, the second is stale, and patience 1 stops there.
        options.EarlyStopping = new EarlyStopping { Metric = "loss", Patience = 1, MinDelta = 100 };
        using var model = Fit(options);
        Assert.Equal([1, 2], model.TrainingHistory.Select(r => r.Epoch));
        Assert.All(model.TrainingHistory, r => Assert.NotNull(r.ValidationLoss));
    }

    [Fact]
    public void Initial_weights_start_the_run_from_a_checkpoint()
    {
        var first = BarRow.SmallRun(epochs: 1);
        first.CheckpointDirectory = Folder("first");
        using var trained = Fit(first);

        var next = BarRow.SmallRun(epochs: 1);
        next.InitialWeights = Path.Combine(Folder("first"), "epoch-001.mzckpt");
        // A step this small leaves every weight where it started, to float precision.
        next.LearningRate = 1e-12;
        using var started = Fit(next);

        var expected = trained.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in started.Model.named_parameters())
            Assert.True(parameter.allclose(expected[name], rtol: 0, atol: 1e-6), $"{name} is not the checkpoint's");
    }

    [Fact]
    public void Resume_latest_in_an_empty_checkpoint_directory_says_so()
    {
        var options = BarRow.SmallRun(epochs: 1);
        options.CheckpointDirectory = Folder("empty");
        options.Resume = ImageClassifierTrainer.Options.ResumeLatest;
        var error = Assert.Throws<FileNotFoundException>(() => Fit(options));
        Assert.Contains("holds no checkpoint", error.Message);
    }
}
