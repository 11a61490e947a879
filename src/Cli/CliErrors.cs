using System.Runtime.InteropServices;

namespace ModelZoo.Cli;

/// <summary>
/// Turns user errors (bad arguments, missing or malformed files, libtorch's complaints about
/// shapes, which TorchSharp raises as <see cref="ExternalException"/>) into one line on stderr and a
/// non-zero exit code; no stack traces for those.
/// </summary>
internal static class CliErrors
{
    /// <summary>Exit code for an error the user can fix.</summary>
    internal const int UserError = 1;

    internal static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine("error: " + OneLine(e.Message));
            return UserError;
        }
    }

    internal static bool IsUserError(Exception e) => e is ArgumentException or FileNotFoundException
        or DirectoryNotFoundException or InvalidDataException or ExternalException or UnauthorizedAccessException
        or IOException or InvalidOperationException or FormatException or DllNotFoundException;

    private static string OneLine(string message)
    {
        var first = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return first.Length == 0 ? "unknown error" : first[0];
    }
}
