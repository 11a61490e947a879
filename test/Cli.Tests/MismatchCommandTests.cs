using ModelZoo.Tests.Shared;

namespace ModelZoo.Cli.Tests;

/// <summary>
/// What does not fit (an input too small for the architecture, a checkpoint of another architecture or class
/// count, data of another class count, a damaged model file) ends the CLI with one "error:" line naming the
/// expected and the actual value, and exit code 1.
/// </summary>
public sealed class MismatchCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mz-cli-mismatch-" + Guid.NewGuid().ToString("N"));

    public MismatchCommandTests()
    {
        BrightnessImages.Write(Path.Combine(root, "two"), perClass: 8, side: 24, seed: 3, ("dark", 40), ("light", 210));
        BrightnessImages.Write(Path.Combine(root, "three"), perClass: 8, side: 24, seed: 3, ("dark", 40), ("mid", 125), ("light", 210));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void AnInputSizeBelowTheArchitecturesMinimumNamesBoth()
    {
        var result = CliProcess.Run("train", "squeezenet1_0", "--data", Data("two"), "--input-size", "9", "--out", Path.Combine(root, "tiny"));

        Assert.Equal("error: squeezenet1_0 needs an input size of at least 10 pixels in small-input mode, got 9", OneErrorLine(result));
    }

    [Fact]
    public void CheckpointsAndModelsOfAnotherArchitectureOrClassCountNameBoth()
    {
        var run = Path.Combine(root, "run");
        var train = CliProcess.Run("train", "mobilenet_v1_x0_25", "--data", Data("two"), "--epochs", "1", "--batch-size", "8",
            "--input-size", "24", "--out", run, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        var checkpoint = Path.Combine(run, "checkpoints", "epoch-001.mzckpt");
        var model = Path.Combine(run, "model.zip");

        var otherArchitecture = CliProcess.Run("train", "squeezenet1_1", "--data", Data("two"), "--epochs", "2", "--input-size", "24",
            "--resume", checkpoint, "--out", Path.Combine(root, "other"));
        Assert.Equal($"error: {checkpoint}: checkpoint of 'mobilenet_v1_x0_25' cannot resume 'squeezenet1_1'", OneErrorLine(otherArchitecture));

        var otherClasses = CliProcess.Run("train", "mobilenet_v1_x0_25", "--data", Data("three"), "--epochs", "2", "--input-size", "24",
            "--resume", checkpoint, "--out", Path.Combine(root, "three-classes"));
        Assert.Equal($"error: {checkpoint}: the checkpoint was trained for 2 classes but the model predicts 3", OneErrorLine(otherClasses));

        var evaluate = CliProcess.Run("evaluate", "--model", model, "--data", Data("three"));
        Assert.Equal("error: the model predicts 2 classes but the data has 3", OneErrorLine(evaluate));

        var damaged = File.ReadAllBytes(model);
        damaged[damaged.Length / 2] ^= 0x10;
        File.WriteAllBytes(model, damaged);
        var predict = CliProcess.Run("predict", "--model", model, Path.Combine(root, "two", "light", "00.png"));
        // The flipped byte lies in the weights: a deflate error, a short entry or the checksum tells, whichever comes first.
        Assert.StartsWith($"error: {model}: not a readable ML.NET model (the model's ModelZoo image classifier cannot be loaded, it is damaged: ",
            OneErrorLine(predict));
    }

    private static string OneErrorLine(CliProcess.Result result)
    {
        Assert.Equal(1, result.ExitCode);
        return Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private string Data(string name) => "folder:" + Path.Combine(root, name);
}
