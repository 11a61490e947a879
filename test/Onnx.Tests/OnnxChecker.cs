using System.Diagnostics;

namespace ModelZoo.Onnx.Tests;

/// <summary>
/// The ONNX project's own checker (onnx.checker.check_model with full_check, which also runs shape inference),
/// through a Python that has the onnx package (Debian: python3-onnx).
/// </summary>
internal static class OnnxChecker
{
    private const string Script =
        "import sys, onnx\n" +
        "for path in sys.argv[1:]:\n" +
        "    onnx.checker.check_model(onnx.load(path), full_check=True)\n" +
        "    print('ok', path)\n";

    // The system Python first: Debian's python3-onnx installs there, not into pyenv or virtual environments.
    private static readonly string[] Candidates = ["/usr/bin/python3", "python3"];

    /// <summary>A Python that imports onnx, or null.</summary>
    public static string? Python { get; } = Candidates.FirstOrDefault(python => Execute(python, ["-c", "import onnx"]).ExitCode == 0);

    /// <summary>Checks <paramref name="paths"/>; returns the exit code and what the checker said.</summary>
    public static (int ExitCode, string Output) Check(IEnumerable<string> paths) =>
        Execute(Python ?? throw new InvalidOperationException("no Python with the onnx package"), ["-c", Script, .. paths]);

    private static (int ExitCode, string Output) Execute(string python, IEnumerable<string> arguments)
    {
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>
/// A fact that needs the ONNX checker. The launcher installs python3-onnx, so under CI (CI=true) it always runs and a
/// missing checker fails it; elsewhere (a bare `dotnet test` without the package) it is skipped, saying why.
/// </summary>
internal sealed class OnnxCheckerFactAttribute : FactAttribute
{
    public OnnxCheckerFactAttribute()
    {
        if (OnnxChecker.Python is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "no Python with the onnx package (apt-get install python3-onnx)";
    }
}
