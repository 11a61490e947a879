using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>Validation rows read out of an IDataView: decoded images (of any sizes) with 0-based class indices.</summary>
internal sealed class LabelledImages(IReadOnlyList<Image> images, IReadOnlyList<int> labels, IReadOnlyList<string> classNames, int channels)
    : IImageDataset
{
    /// <inheritdoc />
    public int Count => images.Count;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames => classNames;

    /// <inheritdoc />
    public int Channels => channels;

    /// <inheritdoc />
    public (int Height, int Width)? FixedSize { get; } =
        images.Count > 0 && images.All(i => i.Height == images[0].Height && i.Width == images[0].Width)
            ? (images[0].Height, images[0].Width) : null;

    /// <inheritdoc />
    public int GetLabel(int index) => labels[index];

    /// <inheritdoc />
    public Image GetImage(int index) => images[index];
}
