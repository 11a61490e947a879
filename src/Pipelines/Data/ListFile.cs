using System.Globalization;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// List files as Paddle and Caffe pipelines write them (train.txt, test.txt): one
/// "path label" line per image. The label follows the last run of whitespace, so paths may
/// contain spaces; relative paths are relative to the list file's folder; blank lines are skipped.
/// </summary>
public static class ListFile
{
    /// <summary>Reads every entry, with paths made absolute.</summary>
    /// <exception cref="InvalidDataException">A line has no label, a bad one, or a path no file can have (a NUL character); the message gives file and line.</exception>
    public static IReadOnlyList<ListFileEntry> Read(string listPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(listPath))!;
        List<ListFileEntry> entries = [];
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(listPath))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            var (path, label) = SplitLine(line, listPath, lineNumber);
            entries.Add(new ListFileEntry(Path.GetFullPath(path, folder), label));
        }
        return entries;
    }

    /// <summary>
    /// Writes one "path label" line per entry; paths are written relative to the list file's
    /// folder, so the list moves together with its images.
    /// </summary>
    /// <exception cref="ArgumentException">A path would not read back (blank, spans lines, or has edge whitespace), or a label is negative.</exception>
    public static void Write(string listPath, IEnumerable<ListFileEntry> entries)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(listPath))!;
        var lines = entries.Select(entry =>
        {
            if (entry.Path.Length == 0 || entry.Path != entry.Path.Trim() || entry.Path.IndexOfAny(['\r', '\n']) >= 0)
                throw new ArgumentException($"path '{entry.Path}' cannot be stored in a list file line", nameof(entries));
            if (entry.Label < 0) throw new ArgumentException($"label {entry.Label} of {entry.Path} is negative", nameof(entries));
            var relative = Path.GetRelativePath(folder, Path.GetFullPath(entry.Path, folder));
            return string.Create(CultureInfo.InvariantCulture, $"{relative} {entry.Label}");
        }).ToArray();
        File.WriteAllLines(listPath, lines);
    }

    private static (string Path, int Label) SplitLine(string line, string listPath, int lineNumber)
    {
        var labelStart = line.Length;
        while (labelStart > 0 && !char.IsWhiteSpace(line[labelStart - 1])) labelStart--;
        var pathEnd = labelStart;
        while (pathEnd > 0 && char.IsWhiteSpace(line[pathEnd - 1])) pathEnd--;
        if (pathEnd == 0)
            throw new InvalidDataException($"{listPath}:{lineNumber}: expected '<path> <label>', got '{line}'");
        if (line.AsSpan(0, pathEnd).IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            throw new InvalidDataException($"{listPath}:{lineNumber}: the path holds a character no path can have (such as NUL)");
        var labelText = line[labelStart..];
        if (!int.TryParse(labelText, NumberStyles.None, CultureInfo.InvariantCulture, out var label))
            throw new InvalidDataException($"{listPath}:{lineNumber}: label '{labelText}' is not a non-negative integer");
        return (line[..pathEnd], label);
    }
}
