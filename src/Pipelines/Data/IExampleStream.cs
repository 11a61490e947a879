namespace ModelZoo.Pipelines.Data;

/// <summary>
/// A labelled image data set read in order rather than by index: every pass reads the source afresh (an ML.NET cursor,
/// say) and holds only a bounded number of examples, so a data set larger than memory can be trained on. The
/// <see cref="Transforms.DataLoader"/> batches it as it batches an <see cref="IImageDataset"/>.
/// </summary>
public interface IExampleStream
{
    /// <summary>Examples in one pass (counted beforehand; a pass that yields fewer ends early).</summary>
    int Count { get; }

    /// <summary>Class names; label i names class <c>ClassNames[i]</c>.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Channels of every decoded image: 1 grey or 3 RGB.</summary>
    int Channels { get; }

    /// <summary>The size every image has, or null when sizes vary.</summary>
    (int Height, int Width)? FixedSize { get; }

    /// <summary>
    /// One pass over the examples: in the stored order when <paramref name="shuffleSeed"/> is null, otherwise in an order
    /// drawn from it alone (the same seed gives the same order). The images are copied out of the source as they are
    /// read and decoded later by <see cref="StreamedExample.Decode"/>, on whichever thread builds the batch.
    /// </summary>
    IEnumerable<StreamedExample> Read(int? shuffleSeed);
}
