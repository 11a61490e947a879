using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// A labelled image classification data set: <see cref="Count"/> examples, each an 8-bit HWC
/// image and a class index into <see cref="ClassNames"/>.
/// </summary>
public interface IImageDataset
{
    /// <summary>Number of examples.</summary>
    int Count { get; }

    /// <summary>Class names; label i names class <c>ClassNames[i]</c>.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Channels of every image: 1 grey or 3 RGB.</summary>
    int Channels { get; }

    /// <summary>The size every image has, or null when sizes vary (files on disk).</summary>
    (int Height, int Width)? FixedSize { get; }

    /// <summary>The class index of example <paramref name="index"/>; cheap, never decodes an image.</summary>
    int GetLabel(int index);

    /// <summary>The image of example <paramref name="index"/>, decoded now if it lives in a file.</summary>
    Image GetImage(int index);

    /// <summary>The file example <paramref name="index"/> is read from, or null when it does not live in a file.</summary>
    string? GetPath(int index) => null;
}
