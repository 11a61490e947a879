using System.Diagnostics;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Runs <see cref="ScoreSavedModel"/> in a new `dotnet` process (this test assembly's own entry point), where nothing
/// of ModelZoo has been loaded, so Model.Load has to find the loader from the saved model alone.
/// </summary>
public static class FreshProcess
{
    public const string ModelVariable = "MODELZOO_MLNET_SCORE_MODEL";
    public const string DataVariable = "MODELZOO_MLNET_SCORE_DATA";

    /// <summary>Scores of <paramref name="dataPath"/> (a binary IDataView file) by the model at <paramref name="modelPath"/>, as text lines.</summary>
    public static string[] Score(string modelPath, string dataPath)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(FreshProcess).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[ModelVariable] = modelPath;
        start.Environment[DataVariable] = dataPath;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"scoring process failed ({process.ExitCode}): {error}");
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
