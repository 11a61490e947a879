using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// Equally sized images held in memory as one block of HWC bytes (CIFAR, MNIST): example i
/// occupies bytes [i × H × W × C, (i + 1) × H × W × C).
/// </summary>
public sealed class InMemoryImageDataset : IImageDataset
{
    private readonly ReadOnlyMemory<byte> _pixels;
    private readonly int[] _labels;
    private readonly int _height;
    private readonly int _width;
    private readonly int _imageSize;

    /// <summary>Wraps <paramref name="pixels"/> and <paramref name="labels"/> (not copied) after checking them.</summary>
    /// <exception cref="ArgumentException">The pixel count does not match the labels, or a label has no class name.</exception>
    public InMemoryImageDataset(
        ReadOnlyMemory<byte> pixels, int[] labels, int height, int width, int channels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ChannelCount.RequireGreyOrRgb(channels);
        _imageSize = height * width * channels;
        if ((long)labels.Length * _imageSize != pixels.Length)
            throw new ArgumentException(
                $"{labels.Length} labels need {(long)labels.Length * _imageSize} pixel bytes, got {pixels.Length}", nameof(pixels));
        var bad = Array.FindIndex(labels, label => (uint)label >= (uint)classNames.Count);
        if (bad >= 0)
            throw new ArgumentException($"label {labels[bad]} of example {bad} has no class name ({classNames.Count} classes)", nameof(labels));

        _pixels = pixels;
        _labels = labels;
        _height = height;
        _width = width;
        ClassNames = classNames;
        Channels = channels;
    }

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public (int Height, int Width)? FixedSize => (_height, _width);

    /// <inheritdoc />
    public int GetLabel(int index) => _labels[index];

    /// <summary>The HWC bytes of example <paramref name="index"/>, without copying them.</summary>
    public ReadOnlySpan<byte> GetPixels(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.Span.Slice(index * _imageSize, _imageSize);
    }

    /// <inheritdoc />
    public Image GetImage(int index) => new(_width, _height, Channels, GetPixels(index).ToArray());
}
