using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// Images already decoded, presented as a data set so they go through the batch transforms exactly as
/// files would (prediction, and the readable part of a batch when bad images are skipped). Labels are not
/// kept: every example reads as class 0.
/// </summary>
internal sealed class ImageCollection(IReadOnlyList<Image> images, IReadOnlyList<string> classNames, int channels,
    (int Height, int Width)? fixedSize = null) : IImageDataset
{
    public int Count => images.Count;
    public IReadOnlyList<string> ClassNames => classNames;
    public int Channels => channels;
    public (int Height, int Width)? FixedSize => fixedSize;
    public int GetLabel(int index) => 0;
    public Image GetImage(int index) => images[index];
}
