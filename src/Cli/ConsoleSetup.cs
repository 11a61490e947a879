using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>
/// How the CLI writes for a reader it cannot see. Spectre.Console lays tables out for 80 columns when the output is not
/// a terminal, so in a log names are cut ("MA…") and numbers wrap mid-digit; and it may still emit escape codes there.
/// A log has no width and shows codes as noise: redirected output gets plain text and as much width as any row needs;
/// NO_COLOR (no-color.org) gets plain text on a terminal too, and the line-per-epoch progress instead of live bars.
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>The width a table may take in a log: wider than any row the CLI writes, so nothing wraps or is cut.</summary>
    internal const int LogWidth = 1000;

    internal static void Apply()
    {
        var redirected = Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        if (!redirected && !noColor) return;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (redirected) console.Profile.Width = LogWidth;
        AnsiConsole.Console = console;
    }
}
