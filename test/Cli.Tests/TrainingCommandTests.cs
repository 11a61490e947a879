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

        // Each model's largest mistakes come with the test rows behind them, as many as the confusion matrix counts up to six.
        var testCount = report.GetProperty("test_count").GetInt32();
        foreach (var architecture in report.GetProperty("results").EnumerateArray())
            foreach (var pair in architecture.GetProperty("confused_pairs").EnumerateArray())
            {
                var rows = pair.GetProperty("test_indices").EnumerateArray().Select(i => i.GetInt32()).ToList();
                Assert.Equal(Math.Min(6, pair.GetProperty("count").GetInt64()), rows.Count);
                Assert.All(rows, row => Assert.InRange(row, 0, testCount - 1));
                Assert.Equal(rows.Order(), rows.Distinct());
            }
        // Only the best model's pairs are illustrated: a figure beside report.md and an embedded copy in the page for each.
        var best = report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("architecture").GetString() == report.GetProperty("best_architecture").GetString());
        var bestPairs = best.GetProperty("confused_pairs").GetArrayLength();
        Assert.Equal(Enumerable.Range(1, bestPairs).Select(i => $"confused-pair-{i}.png"), Directory.GetFiles(output, "confused-pair-*.png").Select(Path.GetFileName).Order());
        Assert.Equal(bestPairs, System.Text.RegularExpressions.Regex.Matches(html, "src=\"data:image/png;base64,").Count);
    }

    [Fact]
    public void CompareTrainingTwoArchitecturesAtOnceGivesExactlyTheResultsOfOneAfterAnother()
    {
        JsonElement Compare(int jobs)
        {
            var result = CliProcess.Run("compare", "mobilenet_v1_x0_25", "squeezenet1_1", "--data", "folder:" + Path.Combine(root, "images"),
                "--epochs", "2", "--batch-size", "8", "--input-size", "24", "--jobs", jobs.ToString(), "--threads", "1",
                "--out", Path.Combine(root, $"jobs{jobs}"), "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            return JsonDocument.Parse(result.Output).RootElement.GetProperty("results");
        }
        var oneAtATime = Compare(1).EnumerateArray().ToList();
        var twoAtOnce = Compare(2).EnumerateArray().ToList();
        // Each child is a `modelzoo train` of its own with the same seed, data and recipe: the same weights, so the same answers.
        Assert.Equal(oneAtATime.Select(r => r.GetProperty("architecture").GetString()), twoAtOnce.Select(r => r.GetProperty("architecture").GetString()));
        foreach (var (sequential, parallel) in oneAtATime.Zip(twoAtOnce))
        {
            Assert.Equal(sequential.GetProperty("top1").GetDouble(), parallel.GetProperty("top1").GetDouble());
            Assert.Equal(sequential.GetProperty("log_loss").GetDouble(), parallel.GetProperty("log_loss").GetDouble(), 9);
            Assert.Equal(sequential.GetProperty("recipe").GetString(), parallel.GetProperty("recipe").GetString());
            Assert.Equal(2, parallel.GetProperty("history").GetArrayLength());
        }
        foreach (var architecture in new[] { "mobilenet_v1_x0_25", "squeezenet1_1" })
            Assert.True(File.Exists(Path.Combine(root, "jobs2", "runs", architecture, "model.zip")), architecture);
        Assert.False(Directory.Exists(Path.Combine(root, "jobs1", "runs")));
    }

    [Fact]
    public void CompareNamesTheArchitectureWhoseTrainingFailed()
    {
        var result = CliProcess.Run("compare", "mobilenet_v1_x0_25", "squeezenet1_1", "--data", "folder:" + Path.Combine(root, "images"),
            "--epochs", "1", "--input-size", "4", "--jobs", "2", "--out", Path.Combine(root, "c3"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("training mobilenet_v1_x0_25 failed", result.Error);
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
