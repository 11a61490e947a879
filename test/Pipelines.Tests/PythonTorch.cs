using System.Diagnostics;

namespace ModelZoo.Pipelines.Tests;

/// <summary>
/// Runs Debian's python3, which has torch and torchvision (the python3 on PATH may be another one without them),
/// to make reference files and values.
/// </summary>
internal static class PythonTorch
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the interpreter with <paramref name="arguments"/> and returns what it printed; fails on a non-zero exit.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Interpreter} (python3-torch)");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} ran longer than {Timeout}");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Interpreter} exited with {process.ExitCode}:\n{errors.Result}");
        return output.Result;
    }
}
