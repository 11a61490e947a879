using System.Text.Json;
using ModelZoo.Tests.Shared;

namespace ModelZoo.Cli.Tests;

/// <summary>train → evaluate → predict as processes on a small folder of PNG images.</summary>
public sealed class TrainingCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mz-cli-" + Guid.NewGuid().ToString("N"));

    public TrainingCommandTests()
    {
        BrightnessImages.Write(Path.Combine(root, "images"), perClass: 16, side: 24, seed: 3, ("dark", 40), ("light", 210));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void TrainEvaluatePredictWorkOnAFolderDataSet()
    {
        var data = "folder:" + Path.Combine(root, "images");
        var output = Path.Combine(root, "run");
        var train = CliProcess.Run("train", "mobilenet_v1_x0_25", "--data", data, "--epochs", "2", "--batch-size", "8",
            "--optimizer", "adam", "--input-size", "24", "--out", output, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        var report = JsonDocument.Parse(train.Output).RootElement;
        Assert.Equal(2, report.GetProperty("history").GetArrayLength());
        var accuracy = report.GetProperty("test").GetProperty("micro_accuracy").GetDouble();
        Assert.InRange(accuracy, 0.0, 1.0);
        var model = Path.Combine(output, "model.zip");
        Assert.True(File.Exists(model));
        Assert.True(File.Exists(Path.Combine(output, "checkpoints", "epoch-002.mzckpt")));

        var evaluate = CliProcess.Run("evaluate", "--model", model, "--data", data, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        var metrics = JsonDocument.Parse(evaluate.Output).RootElement;
        // Same model, same split: evaluate reproduces the training run's test accuracy.
        Assert.Equal(accuracy, metrics.GetProperty("micro_accuracy").GetDouble(), 6);
        Assert.Equal(10, metrics.GetProperty("count").GetInt32());

        var image = Path.Combine(root, "images", "light", "00.png");
        var predict = CliProcess.Run("predict", "--model", model, image, "--top", "2", "--json");
        Assert.True(predict.ExitCode == 0, predict.Error);
        var prediction = JsonDocument.Parse(predict.Output).RootElement[0];
        Assert.Equal(image, prediction.GetProperty("image").GetString());
        var top = prediction.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(2, top.Count);
        Assert.Equal(1.0, top.Sum(t => t.GetProperty("probability").GetDouble()), 4);
    }

    [Fact]
    public void CompareWritesTheThreeReportsWithOneRowPerArchitecture()
    {
        var output = Path.Combine(root, "compare");
        var result = CliProcess.Run("compare", "mobilenet_v1_x0_25", "squeezenet1_1", "--data", "folder:" + Path.Combine(root, "images"),
            "--epochs", "1", "--batch-size", "8", "--input-size", "24", "--out", output, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(JsonValueKind.Array, report.GetProperty("results").ValueKind);
        Assert.Equal(2, report.GetProperty("results").GetArrayLength());
        foreach (var file in new[] { "report.html", "report.md", "report.json", "models/squeezenet1_1.zip" })
            Assert.True(File.Exists(Path.Combine(output, file)), file + " is missing");
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("mobilenet_v1_x0_25", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void CompareRejectsAnUnknownArchitectureBeforeTraining()
    {
        var result = CliProcess.Run("compare", "mobilenet_v9", "--data", "folder:" + Path.Combine(root, "images"), "--out", Path.Combine(root, "c2"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown architecture 'mobilenet_v9'", result.Error);
        Assert.False(Directory.Exists(Path.Combine(root, "c2", "models")));
    }
}
