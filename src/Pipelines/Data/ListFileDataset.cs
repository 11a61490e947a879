using System.Globalization;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// The images a list file names (see <see cref="ListFile"/>), decoded only when asked for.
/// Every file is checked to exist when the list is read, so a bad path fails now, not mid-epoch.
/// </summary>
public sealed class ListFileDataset : IImageDataset
{
    private readonly IReadOnlyList<ListFileEntry> _entries;

    /// <summary>Most classes numbered from the labels when no names are given: a label past it is surely a typo.</summary>
    public const int MaxNumberedClasses = 1_000_000;

    /// <summary>Reads the list file.</summary>
    /// <param name="listPath">The list file.</param>
    /// <param name="classNames">
    /// The class names; null names class i "i", for labels up to the largest present (below <see cref="MaxNumberedClasses"/>).
    /// </param>
    /// <param name="channels">1 to decode as grey, 3 as RGB.</param>
    /// <exception cref="InvalidDataException">A line is malformed or its label has no class name.</exception>
    /// <exception cref="FileNotFoundException">A listed image does not exist.</exception>
    public ListFileDataset(string listPath, IReadOnlyList<string>? classNames = null, int channels = 3)
    {
        ChannelCount.RequireGreyOrRgb(channels);
        _entries = ListFile.Read(listPath);
        ClassNames = classNames ?? NumberedClasses(listPath, _entries);
        for (var i = 0; i < _entries.Count; i++)
        {
            var (path, label) = _entries[i];
            if (label >= ClassNames.Count)
                throw new InvalidDataException($"{listPath}: entry {i + 1} ({path}) has label {label}, but there are {ClassNames.Count} classes");
            if (!File.Exists(path))
                throw new FileNotFoundException($"{listPath}: entry {i + 1} names {path}, which does not exist", path);
        }
        ListPath = listPath;
        Channels = channels;
    }

    /// <summary>The list file the data set was read from.</summary>
    public string ListPath { get; }

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public (int Height, int Width)? FixedSize => null;

    /// <summary>The image file of example <paramref name="index"/> (absolute).</summary>
    public string GetPath(int index) => _entries[index].Path;

    /// <inheritdoc />
    public int GetLabel(int index) => _entries[index].Label;

    /// <inheritdoc />
    public Image GetImage(int index) => ImageDecoder.Decode(_entries[index].Path, Channels);

    private static string[] NumberedClasses(string listPath, IReadOnlyList<ListFileEntry> entries)
    {
        var largest = entries.Count == 0 ? -1 : entries.Max(entry => entry.Label);
        if (largest >= MaxNumberedClasses)
            throw new InvalidDataException(
                $"{listPath}: label {largest} would make {(long)largest + 1} numbered classes, more than {MaxNumberedClasses}; give the class names");
        var classCount = largest + 1;
        return [.. Enumerable.Range(0, classCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }
}
