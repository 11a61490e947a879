using ModelZoo.Tests.Shared;
using System.Globalization;
using System.Text.Json;
using SkiaSharp;

namespace ModelZoo.Cli.Tests;

/// <summary>
/// torchvision weights through the CLI: import, then predict. A one-colour photo is the same per-channel constant
/// after any resize and crop, so torchvision's own eval-mode probabilities for that constant input are the exact
/// reference for what <c>predict</c> must print.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mz-import-").FullName;

    private const string Reference = """
        import sys, torch, torchvision
        torch.manual_seed(3)
        model = torchvision.models.squeezenet1_1(num_classes=1000)
        torch.save(model.state_dict(), sys.argv[1])
        model.eval()
        rgb = torch.tensor([200, 100, 50], dtype=torch.float32) / 255
        mean, std = torch.tensor([0.485, 0.456, 0.406]), torch.tensor([0.229, 0.224, 0.225])
        x = ((rgb - mean) / std).view(1, 3, 1, 1).expand(1, 3, 224, 224).contiguous()
        with torch.no_grad():
            p = torch.softmax(model(x), 1)[0]
        top = torch.topk(p, 3)
        print(" ".join(f"{int(i)}:{float(v)!r}" for v, i in zip(top.values, top.indices)))
        """;

    [Fact]
    public void ImportedTorchvisionWeightsPredictWithTorchvisionsPreprocessing()
    {
        var weights = Path.Combine(directory, "squeezenet1_1.pth");
        var expected = RunPython(Reference, weights).Split(' ').Select(pair => pair.Split(':'))
            .Select(pair => (Label: pair[0], Probability: double.Parse(pair[1], CultureInfo.InvariantCulture))).ToList();

        var model = Path.Combine(directory, "squeezenet.zip");
        var imported = CliProcess.Run("import", "squeezenet1_1", "--weights", weights, "--out", model);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("shorter side 256, center crop 224", imported.Output);

        var photo = Path.Combine(directory, "orange.png");
        WriteOneColour(photo, 300, 260, new SKColor(200, 100, 50));
        var predicted = CliProcess.Run("predict", "--model", model, photo, "--top", "3", "--json");
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var top = JsonDocument.Parse(predicted.Output).RootElement[0].GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(3, top.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i].Label, top[i].GetProperty("label").GetString());
            Assert.True(Math.Abs(expected[i].Probability - top[i].GetProperty("probability").GetDouble()) < 1e-5,
                $"class {expected[i].Label}: torchvision {expected[i].Probability}, ModelZoo {top[i].GetProperty("probability").GetDouble()}");
        }
    }

    [Fact]
    public void WeightsOfAnotherArchitectureAreAOneLineError()
    {
        var weights = Path.Combine(directory, "squeezenet1_1.pth");
        RunPython(Reference, weights);
        var result = CliProcess.Run("import", "mobilenet_v2", "--weights", weights, "--out", Path.Combine(directory, "m.zip"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("these are not mobilenet_v2 weights", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(directory, "m.zip")));
    }

    [Fact]
    public void TrainInitStartsFromImportedWeightsWithAFreshClassifier()
    {
        var weights = Path.Combine(directory, "squeezenet1_1.pth");
        RunPython(Reference, weights);
        var imported = Path.Combine(directory, "squeezenet.zip");
        Assert.Equal(0, CliProcess.Run("import", "squeezenet1_1", "--weights", weights, "--out", imported).ExitCode);
        var folder = Path.Combine(directory, "photos");
        foreach (var (label, colour) in new[] { ("red", new SKColor(220, 30, 30)), ("blue", new SKColor(30, 30, 220)) })
        {
            Directory.CreateDirectory(Path.Combine(folder, label));
            for (var i = 0; i < 6; i++)
                WriteOneColour(Path.Combine(folder, label, $"{i}.png"), 40 + i, 40, colour);
        }

        // A learning rate of 1e-12 leaves every weight where it started, so the features must be torchvision's.
        var output = Path.Combine(directory, "run");
        var trained = CliProcess.Run("train", "squeezenet1_1", "--data", $"folder:{folder}", "--init", imported, "--epochs", "1",
            "--batch-size", "4", "--lr", "1e-12", "--weight-decay", "0", "--input-size", "48", "--augment", "none", "--out", output, "--json");
        Assert.True(trained.ExitCode == 0, trained.Error);
        using var start = SavedModels.Classifier(imported);
        using var tuned = SavedModels.Classifier(Path.Combine(output, "model.zip"));
        Assert.Equal(2, tuned.Model.NumClasses);
        var startState = start.Model.state_dict();
        var tunedState = tuned.Model.state_dict();
        Assert.True(tunedState["features.0.weight"].max_abs_diff(startState["features.0.weight"]) < 1e-9);
        Assert.True(tunedState["features.12.expand3x3.weight"].max_abs_diff(startState["features.12.expand3x3.weight"]) < 1e-9);
        Assert.Equal([2L, 512, 1, 1], tunedState["classifier.1.weight"].shape);
    }

    private static void WriteOneColour(string path, int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static string RunPython(string script, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
