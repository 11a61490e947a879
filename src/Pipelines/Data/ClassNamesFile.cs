namespace ModelZoo.Pipelines.Data;

/// <summary>Class names stored one per line (CIFAR's batches.meta.txt, a list file's names).</summary>
public static class ClassNamesFile
{
    /// <summary>Reads the names, trimmed, skipping blank lines (CIFAR's files end with some).</summary>
    /// <exception cref="InvalidDataException">The file holds no names, or one twice.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        var names = File.ReadLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        if (names.Length == 0) throw new InvalidDataException($"{path}: no class names");
        var duplicate = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: class name '{duplicate.Key}' appears twice");
        return names;
    }

    /// <summary>Reads the names and checks there are exactly <paramref name="expectedCount"/>.</summary>
    /// <exception cref="InvalidDataException">The count differs.</exception>
    public static IReadOnlyList<string> Read(string path, int expectedCount)
    {
        var names = Read(path);
        if (names.Count != expectedCount)
            throw new InvalidDataException($"{path}: expected {expectedCount} class names, found {names.Count}");
        return names;
    }

    /// <summary>Writes the names one per line.</summary>
    /// <exception cref="ArgumentException">A name is blank or spans lines.</exception>
    public static void Write(string path, IEnumerable<string> names)
    {
        var lines = names.ToArray();
        var bad = lines.FirstOrDefault(name => name.Length == 0 || name != name.Trim() || name.IndexOfAny(['\r', '\n']) >= 0);
        if (bad is not null) throw new ArgumentException($"class name '{bad}' cannot be stored one per line", nameof(names));
        File.WriteAllLines(path, lines);
    }
}
