using System.Diagnostics;
using System.Text.Json;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Cli.Tests;

/// <summary>Training runs that meet faults: an output folder it cannot write, and a SIGKILL mid-epoch followed by --resume.</summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mz-interrupt-" + Guid.NewGuid().ToString("N"));

    public InterruptionTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    // 600 images in batches of 32: 18 steps an epoch, a few seconds each epoch on two cores. The defaults bring
    // augmentation, label smoothing, a cosine schedule and precise BN; --ema adds weight averaging to what must resume.
    private static string[] Train(string output, params string[] options) =>
        ["train", "mobilenet_v1_x0_25", "--data", "fashion-mnist", "--limit-train", "600", "--limit-test", "200", "--epochs", "3",
         "--batch-size", "32", "--ema", "0.9", "--seed", "5", "--out", output, .. options];

    [Fact]
    public void AnOutputFolderThatCannotBeWrittenFailsBeforeTraining()
    {
        var blocker = Path.Combine(root, "a-file");
        File.WriteAllText(blocker, "not a folder");

        var clock = Stopwatch.StartNew();
        var result = CliProcess.Run(Train(Path.Combine(blocker, "run")));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: output directory '{Path.Combine(blocker, "run")}' is not writable", result.Error);
        Assert.DoesNotContain("epoch 1/3", result.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void KilledMidEpochThenResumedEndsBitIdenticalToAnUninterruptedRun()
    {
        var whole = CliProcess.Run(Train(Path.Combine(root, "whole"), "--json"));
        Assert.True(whole.ExitCode == 0, whole.Error);

        var interrupted = Path.Combine(root, "interrupted");
        var firstCheckpoint = Path.Combine(interrupted, "checkpoints", "epoch-001.mzckpt");
        // A progress line for every step (a log otherwise gets one per 10 s): once epoch 2 is under way (its checkpoint 1
        // already on disk), SIGKILL.
        using (var process = CliProcess.Start(new Dictionary<string, string> { ["MODELZOO_PROGRESS_SECONDS"] = "0" }, Train(interrupted)))
        {
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data?.StartsWith("epoch 2/3 step 2/", StringComparison.Ordinal) == true && File.Exists(firstCheckpoint))
                    process.Kill(entireProcessTree: true);
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the run to be killed did not finish");
            Assert.Equal(137, process.ExitCode); // 128 + SIGKILL: killed, not finished
        }
        Assert.Equal(firstCheckpoint, CheckpointStore.Latest(Path.Combine(interrupted, "checkpoints")));

        var resumed = CliProcess.Run(Train(interrupted, "--resume", "latest", "--json"));
        Assert.True(resumed.ExitCode == 0, resumed.Error);

        SavedModels.AssertSameWeights(Path.Combine(root, "whole", "model.zip"), Path.Combine(interrupted, "model.zip"));
        var (expected, actual) = (JsonDocument.Parse(whole.Output).RootElement, JsonDocument.Parse(resumed.Output).RootElement);
        foreach (var metric in new[] { "micro_accuracy", "macro_accuracy", "log_loss", "log_loss_reduction" })
            Assert.Equal(expected.GetProperty("test").GetProperty(metric).GetDouble(), actual.GetProperty("test").GetProperty(metric).GetDouble());
        var epochs = expected.GetProperty("history").EnumerateArray().Zip(actual.GetProperty("history").EnumerateArray()).ToList();
        Assert.Equal(3, epochs.Count);
        foreach (var (before, after) in epochs)
            foreach (var field in new[] { "TrainLoss", "TrainAccuracy", "ValidationLoss", "ValidationAccuracy", "LearningRate" })
                Assert.Equal(before.GetProperty(field).GetDouble(), after.GetProperty(field).GetDouble());
    }
}
