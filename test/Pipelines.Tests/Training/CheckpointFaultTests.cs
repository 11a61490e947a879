using ModelZoo.Pipelines.Training;
using ModelZoo.Tests.Shared;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>Checkpoints under faults: a save that fails keeps the last good one, a killed save leaves no litter.</summary>
[Collection(SerialTensorTests.Name)]
public sealed class CheckpointFaultTests
{
    [Fact]
    public void AFailedSaveStopsWithAClearErrorAndTheLastGoodCheckpointResumesExactly()
    {
        using var folder = new TempDirectory();
        // A folder squatting on the second checkpoint's name makes its rename fail, as a full or broken disk would.
        var squatter = folder.File("epoch-002.mzckpt/occupied");
        File.WriteAllText(squatter, "x");
        var options = TrainerTests.Quick(3, folder.Path);

        var error = Assert.Throws<IOException>(() => TrainerTests.Train(options));

        var lastGood = Path.Combine(folder.Path, "epoch-001.mzckpt");
        Assert.StartsWith($"cannot save checkpoint {Path.Combine(folder.Path, "epoch-002.mzckpt")}: ", error.Message);
        Assert.EndsWith($"(the last good checkpoint, {lastGood}, is intact)", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));

        // Once the disk is fixed, the kept checkpoint continues the run to the same weights as a run never disturbed.
        Directory.Delete(Path.GetDirectoryName(squatter)!, recursive: true);
        var (resumed, _) = TrainerTests.Train(options, lastGood);
        var (whole, _) = TrainerTests.Train(TrainerTests.Quick(3));
        using (resumed)
        using (whole)
            foreach (var (name, tensor) in whole.state_dict())
                Assert.True(tensor.max_abs_diff(resumed.state_dict()[name]) == 0, $"'{name}' differs after resuming from the kept checkpoint");
    }

    [Fact]
    public void TemporaryFilesLeftByAKilledSaveAreCleared()
    {
        using var folder = new TempDirectory();
        var leftover = folder.File(".epoch-001.mzckpt.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(leftover, new byte[100]);

        TrainerTests.Train(TrainerTests.Quick(1, folder.Path)).model.Dispose();

        Assert.Equal(["best.mzckpt", "epoch-001.mzckpt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }
}
