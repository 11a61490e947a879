using System.Diagnostics;

namespace ModelZoo.Cli.Tests;

/// <summary>Runs the built <c>modelzoo</c> CLI as a separate process, as a user would.</summary>
internal static class CliProcess
{
    internal sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Starts the CLI with its output and error redirected; the caller reads them and waits.</summary>
    internal static Process Start(params string[] arguments) => Start(null, arguments);

    /// <summary>As <see cref="Start(string[])"/>, with extra environment variables set for the CLI.</summary>
    internal static Process Start(IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "modelzoo.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(15);

    internal static Result Run(params string[] arguments) => Run(null, arguments);

    /// <summary>Runs the CLI with extra environment variables set for it.</summary>
    internal static Result Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hung child, not a speed check: every child here ends well within the Cli.Tests project's
        // ~2.5 minutes on a quiet 2-core machine, but 5 minutes was exceeded once while a training run held that machine
        // at a higher priority.
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"modelzoo {string.Join(' ', arguments)} did not finish in {HangLimit.TotalMinutes} minutes");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
