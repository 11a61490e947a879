using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Tests.Shared;
using TorchSharp;

namespace ModelZoo.Pipelines.Tests.Training;

[Collection(SerialTensorTests.Name)]
public sealed class TrainerTests
{
    private static readonly Preprocessing Grey12 = LearnableData.Grey12;

    internal static TrainerOptions Quick(int epochs, string? checkpoints = null) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Optimizer = OptimizerKind.Adam,
        LearningRate = 0.02,
        LabelSmoothing = 0,
        Augmentation = Augmentation.None,
        Device = "cpu",
        CheckpointDirectory = checkpoints,
        Seed = 7,
        Workers = 1,
    };

    internal static (TinyNet model, TrainingResult result) Train(TrainerOptions options, string? resumeFrom = null, Action<Trainer>? configure = null)
    {
        torch.random.manual_seed(options.Seed);
        var model = new TinyNet();
        var trainer = new Trainer(options);
        configure?.Invoke(trainer);
        var result = trainer.Fit(model, LearnableData.Create(256, 1), LearnableData.Create(64, 2), Grey12, resumeFrom);
        return (model, result);
    }

    [Fact]
    public void ShortRunLearnsTheQuadrants()
    {
        var (model, result) = Train(Quick(5));
        using var _ = model;
        Assert.Equal(5, result.History.Count);
        Assert.True(result.Validation!.Accuracy > 0.95, $"validation accuracy {result.Validation.Accuracy}");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss / 2,
            $"loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");
    }

    [Fact]
    public void SameSeedGivesTheSameWeights()
    {
        var (a, _) = Train(Quick(2));
        var (b, _) = Train(Quick(2));
        using (a)
        using (b)
            foreach (var (name, tensor) in a.state_dict())
                Assert.Equal(0, tensor.max_abs_diff(b.state_dict()[name]));
    }

    [Fact]
    public void ResumedRunEndsWithTheSameWeightsAsAnUninterruptedOne()
    {
        using var folder = new TempDirectory();
        var (whole, wholeResult) = Train(Quick(4));
        using var cancel = new CancellationTokenSource();
        var options = Quick(4, folder.Path);
        torch.random.manual_seed(options.Seed);
        using (var interrupted = new TinyNet())
        {
            var trainer = new Trainer(options);
            trainer.EpochCompleted += epoch => { if (epoch.Epoch == 2) cancel.Cancel(); };
            Assert.Throws<OperationCanceledException>(() =>
                trainer.Fit(interrupted, LearnableData.Create(256, 1), LearnableData.Create(64, 2), Grey12, cancellation: cancel.Token));
        }
        var checkpoint = CheckpointStore.Latest(folder.Path);
        Assert.EndsWith("epoch-002.mzckpt", checkpoint);
        var (resumed, resumedResult) = Train(options, checkpoint);
        using (whole)
        using (resumed)
        {
            foreach (var (name, tensor) in whole.state_dict())
                Assert.True(tensor.max_abs_diff(resumed.state_dict()[name]) == 0, $"'{name}' differs after resuming");
            Assert.Equal(wholeResult.History.Select(h => h.TrainLoss), resumedResult.History.Select(h => h.TrainLoss));
        }
    }

    [Fact]
    public void DivergingLossStopsWithTheEpochAndStep()
    {
        var options = Quick(1) with { Optimizer = OptimizerKind.Sgd, LearningRate = 1e30, Momentum = 0 };
        var error = Assert.Throws<TrainingDivergedException>(() => Train(options));
        Assert.Matches(@"epoch 1, step \d+", error.Message);
    }

    [Fact]
    public void TrainingFreesEveryTensorItCreates()
    {
        // Every batch built on this thread, so TorchSharp's per-thread count sees every tensor made and freed;
        // a tensor left to the finalizer would stay counted.
        var options = Quick(2) with { EmaDecay = 0.9, GradientClipNorm = 1.0, Workers = 0 };
        Train(Quick(1) with { Workers = 0 }).model.Dispose();
        DisposeScopeManager.Statistics.Reset();
        var (model, _) = Train(options);
        model.Dispose();
        Assert.True(DisposeScopeManager.Statistics.ThreadTotalLiveCount == 0,
            $"{DisposeScopeManager.Statistics.ThreadTotalLiveCount} tensors live after training ({DisposeScopeManager.Statistics})");
    }

    [Fact]
    public void CheckpointsKeepTheLastKAndTheBest()
    {
        using var folder = new TempDirectory();
        var (model, _) = Train(Quick(4, folder.Path) with { KeepCheckpoints = 2 });
        model.Dispose();
        var files = Directory.GetFiles(folder.Path).Select(p => Path.GetFileName(p)!).Order().ToArray();
        Assert.Equal(["best.mzckpt", "epoch-003.mzckpt", "epoch-004.mzckpt"], files);
    }

    [Fact]
    public void UnwritableCheckpointFolderFailsBeforeTraining()
    {
        using var folder = new TempDirectory();
        var blocker = folder.File("file-not-folder");
        File.WriteAllText(blocker, "x");
        var error = Assert.Throws<IOException>(() => Train(Quick(1, Path.Combine(blocker, "checkpoints"))));
        Assert.Contains("not writable", error.Message);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTensorTests
{
    public const string Name = "serial tensor tests";
}
