using System.Globalization;
using ModelZoo.Pipelines.Data;
using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>Shows the images left out as unreadable (<c>--bad-images skip</c>): per epoch, at the end, and as JSON.</summary>
internal static class SkippedImagesView
{
    /// <summary>One line for an epoch's progress output: how many, and which files.</summary>
    internal static string EpochSummary(IReadOnlyList<SkippedImage> skipped) =>
        string.Create(CultureInfo.InvariantCulture, $"skipped {skipped.Count} unreadable image{(skipped.Count == 1 ? "" : "s")}: ") +
        string.Join(", ", skipped.Select(image => image.Path).Distinct());

    /// <summary>Every skipped file with the reason; nothing when none was skipped.</summary>
    internal static void Print(IReadOnlyList<SkippedImage> skipped)
    {
        if (skipped.Count == 0) return;
        AnsiConsole.MarkupLine($"[yellow]skipped {skipped.Count} unreadable image{(skipped.Count == 1 ? "" : "s")}[/] (left out):");
        // Plain lines: Spectre would wrap a long path at the console width.
        foreach (var image in skipped) Console.WriteLine("  " + image);
    }

    internal static List<Dictionary<string, string>> ToJson(IReadOnlyList<SkippedImage> skipped) =>
        [.. skipped.Select(image => new Dictionary<string, string> { ["path"] = image.Path, ["reason"] = image.Reason })];
}
