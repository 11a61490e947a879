using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Torch;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>Checkpoints under faults: a save that fails keeps the last good one, a killed save leaves no litter.</summary>
[Collection(SerialTensorTests.Name)]
public sealed class CheckpointFaultTests
{
    private static readonly Preprocessing Grey12 = new() { InputSize = 12, Channels = 1, Mean = [0.25], Std = [0.3] };

    private static TrainerOptions Options(int epochs, string? checkpoints) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Optimizer = OptimizerKind.Adam,
        LearningRate = 0.02,
        Augmentation = Augmentation.None,
        Device = "cpu",
        CheckpointDirectory = checkpoints,
        Seed = 11,
        Workers = 1,
    };

    private static TinyNet Train(TrainerOptions options, string? resumeFrom = null)
    {
        torch.manual_seed((ulong)options.Seed);
        var model = new TinyNet();
        try
        {
            new Trainer(options).Fit(model, LearnableData.Create(128, 1), LearnableData.Create(32, 2), Grey12, resumeFrom);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    [Fact]
    public void AFailedSaveStopsWithAClearErrorAndTheLastGoodCheckpointResumesExactly()
    {
        using var folder = new TempDirectory();
        // A folder squatting on the second checkpoint's name makes its rename fail, as a full or broken disk would.
        var squatter = folder.File("epoch-002.mzckpt/occupied");
        File.WriteAllText(squatter, "x");
        var options = Options(3, folder.Path);

        var error = Assert.Throws<IOException>(() => Train(options));

        var lastGood = Path.Combine(folder.Path, "epoch-001.mzckpt");
        Assert.StartsWith($"cannot save checkpoint {Path.Combine(folder.Path, "epoch-002.mzckpt")}: ", error.Message);
        Assert.EndsWith($"(the last good checkpoint, {lastGood}, is intact)", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));

        // Once the disk is fixed, the kept checkpoint continues the run to the same weights as a run never disturbed.
        Directory.Delete(Path.GetDirectoryName(squatter)!, recursive: true);
        using var resumed = Train(options, lastGood);
        using var whole = Train(Options(3, null));
        foreach (var (name, tensor) in whole.state_dict())
            Assert.True(tensor.max_abs_diff(resumed.state_dict()[name]) == 0, $"'{name}' differs after resuming from the kept checkpoint");
    }

    [Fact]
    public void TemporaryFilesLeftByAKilledSaveAreCleared()
    {
        using var folder = new TempDirectory();
        var leftover = folder.File(".epoch-001.mzckpt.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(leftover, new byte[100]);

        Train(Options(1, folder.Path)).Dispose();

        Assert.Equal(["best.mzckpt", "epoch-001.mzckpt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }
}
