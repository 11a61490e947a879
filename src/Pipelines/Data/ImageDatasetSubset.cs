using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>A view of chosen examples of another data set, in the order of <see cref="Indices"/>.</summary>
public sealed class ImageDatasetSubset : IImageDataset
{
    private readonly int[] _indices;

    /// <summary>Selects <paramref name="indices"/> (positions in <paramref name="source"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the source.</exception>
    public ImageDatasetSubset(IImageDataset source, IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        _indices = indices.ToArray();
        foreach (var index in _indices)
        {
            if ((uint)index >= (uint)source.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"index outside a data set of {source.Count}");
        }
        Source = source;
    }

    /// <summary>The data set the examples come from.</summary>
    public IImageDataset Source { get; }

    /// <summary>The chosen positions in <see cref="Source"/>.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <inheritdoc />
    public int Count => _indices.Length;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames => Source.ClassNames;

    /// <inheritdoc />
    public int Channels => Source.Channels;

    /// <inheritdoc />
    public (int Height, int Width)? FixedSize => Source.FixedSize;

    /// <inheritdoc />
    public int GetLabel(int index) => Source.GetLabel(_indices[index]);

    /// <inheritdoc />
    public Image GetImage(int index) => Source.GetImage(_indices[index]);

    /// <inheritdoc />
    public string? GetPath(int index) => Source.GetPath(_indices[index]);
}
