using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// The examples of one batch read from an <see cref="IExampleStream"/>, as a data set the batch builder reads like any
/// other: images are decoded when it asks for them, on the loader thread that builds the batch.
/// </summary>
internal sealed class StreamedBatchExamples(IReadOnlyList<StreamedExample> examples, IExampleStream stream) : IImageDataset
{
    public int Count => examples.Count;
    public IReadOnlyList<string> ClassNames => stream.ClassNames;
    public int Channels => stream.Channels;
    public (int Height, int Width)? FixedSize => stream.FixedSize;
    public int GetLabel(int index) => examples[index].Label;
    public Image GetImage(int index) => examples[index].Decode();
    public string? GetPath(int index) => examples[index].Source;
}
