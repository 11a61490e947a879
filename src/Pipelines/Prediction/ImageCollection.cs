using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Prediction;

/// <summary>Images without labels, presented as a data set so prediction reuses the training transforms exactly.</summary>
internal sealed class ImageCollection(IReadOnlyList<Image> images, IReadOnlyList<string> classNames) : IImageDataset
{
    public int Count => images.Count;
    public IReadOnlyList<string> ClassNames => classNames;
    public int Channels => images.Count > 0 ? Math.Min(images[0].Channels, 3) : 3;
    public (int Height, int Width)? FixedSize => null;
    public int GetLabel(int index) => 0;
    public Image GetImage(int index) => images[index];
}
