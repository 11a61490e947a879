using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelZoo.Tests.Shared;

namespace ModelZoo.Cli.Tests;

/// <summary>
/// <c>train --emit-code</c>: the emitted C# project builds, predicts through a PredictionEngine exactly what
/// <c>modelzoo predict</c> says for the same image, and trains the same pipeline again into a model ML.NET loads.
/// </summary>
public sealed class EmitCodeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("mz-emit-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void TheEmittedProjectPredictsAsTheCliDoesAndRetrains()
    {
        var images = Path.Combine(root, "images");
        BrightnessImages.Write(images, perClass: 6, side: 20, seed: 11, ("dark", 50), ("light", 200));
        var run = Path.Combine(root, "run");
        var code = Path.Combine(root, "code");
        var train = CliProcess.Run("train", "mobilenet_v1_x0_25", "--data", "folder:" + images, "--epochs", "1", "--batch-size", "4",
            "--input-size", "20", "--augment", "none", "--out", run, "--emit-code", code, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Equal(Path.Combine(code, "TrainedModel.csproj"), JsonDocument.Parse(train.Output).RootElement.GetProperty("emitted_code").GetString());
        Assert.All(new[] { "Program.cs", "ModelInput.cs", "ModelOutput.cs", "ConsumeModel.cs", "Retraining.cs" },
            file => Assert.True(File.Exists(Path.Combine(code, file)), file + " is missing"));

        var build = Dotnet(code, "build", "-c", "Release", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);

        var image = Path.Combine(images, "light", "00.png");
        var emitted = Dotnet(code, "run", "-c", "Release", "--no-build", "--", image);
        Assert.True(emitted.ExitCode == 0, emitted.Output);
        var fields = emitted.Output.Trim().Split('\n')[^1].Split('\t');
        var predict = CliProcess.Run("predict", "--model", Path.Combine(run, "model.zip"), image, "--top", "1", "--json");
        Assert.True(predict.ExitCode == 0, predict.Error);
        var expected = JsonDocument.Parse(predict.Output).RootElement[0];
        Assert.Equal(image, fields[0]);
        Assert.Equal(expected.GetProperty("predicted_label").GetString(), fields[1]);
        Assert.Equal(expected.GetProperty("top")[0].GetProperty("probability").GetDouble(), double.Parse(fields[2], CultureInfo.InvariantCulture), 6);

        var retrained = Path.Combine(root, "retrained.zip");
        var again = Dotnet(code, "run", "-c", "Release", "--no-build", "--", "--train", retrained);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Matches(@"accuracy [01]\.\d{4}, top-2 1\.0000, log-loss \d+\.\d{4}", again.Output);
        using var classifier = SavedModels.Classifier(retrained);
        Assert.Equal(["dark", "light"], classifier.ClassNames);
        Assert.Equal("mobilenet_v1_x0_25", classifier.Architecture);
    }

    /// <summary>Runs the dotnet CLI in <paramref name="directory"/>; output and error together.</summary>
    private static CliProcess.Result Dotnet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 8 minutes");
        }
        return new CliProcess.Result(process.ExitCode, output.Result + error.Result, error.Result);
    }
}
