using System.Text.Json;
using ModelZoo.Tests.Shared;

namespace ModelZoo.Cli.Tests;

/// <summary><c>--bad-images skip|fail</c> on a folder holding a truncated JPEG, a zero-byte PNG and a text file named .jpg.</summary>
public sealed class BadImageCommandTests : IDisposable
{
    private readonly BadImageFolder folder = new(goodPerClass: 8, Path.Combine(AppContext.BaseDirectory, "Fixtures", "colour.jpg"));

    public void Dispose() => folder.Dispose();

    // Batches of 16 hold the whole training split, so every bad file is met whichever split it falls in.
    private string[] Train(string run, params string[] options) =>
        ["train", "mobilenet_v1_x0_25", "--data", "folder:" + folder.Root, "--epochs", "1", "--batch-size", "16", "--input-size", "24",
         "--out", Path.Combine(folder.Root, run), .. options];

    [Fact]
    public void SkipTrainsAndListsEveryBadFileInTheOutputAndTheReport()
    {
        var text = CliProcess.Run(Train("text"));
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("skipped 3 unreadable images", text.Output);
        Assert.All(folder.BadFiles, path => Assert.Contains($"  {path}: ", text.Output));

        // The model predicts: an unreadable image among the given ones is named, and nothing is printed for the others.
        var predict = CliProcess.Run("predict", "--model", Path.Combine(folder.Root, "text", "model.zip"),
            Path.Combine(folder.Root, "dark", "00.png"), folder.BadFiles[0]);
        Assert.Equal(1, predict.ExitCode);
        Assert.StartsWith($"error: {folder.BadFiles[0]}: ", Assert.Single(predict.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(predict.Output);

        var json = CliProcess.Run(Train("json", "--json"));
        Assert.True(json.ExitCode == 0, json.Error);
        var skipped = JsonDocument.Parse(json.Output).RootElement.GetProperty("skipped_images").EnumerateArray().ToList();
        Assert.Equal(folder.BadFiles, skipped.Select(image => image.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        Assert.All(skipped, image => Assert.NotEmpty(image.GetProperty("reason").GetString()!));
    }

    [Fact]
    public void FailStopsWithOneLineNamingTheFile()
    {
        var result = CliProcess.Run(Train("fail", "--bad-images", "fail"));

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(folder.BadFiles, path => error.StartsWith($"error: {path}: ", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(folder.Root, "fail", "model.zip")));
    }
}
