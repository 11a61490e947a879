using System.Diagnostics;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>
/// Runs Debian's python3, which has torch (the python3 on PATH may be another one without it), to
/// make reference files and to check what torch.load makes of ours.
/// </summary>
internal static class PythonTorch
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="script"/> and returns what it printed; fails on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} ran longer than {Timeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Interpreter} exited with {process.ExitCode}:\n{errors.Result}");
        return output.Result;
    }
}
