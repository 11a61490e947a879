using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The look-ahead half of a <see cref="BatchScoredCursor"/>: reads the next batch of images off its own cursor
/// over the input and scores them in one forward pass, keeping each row's id to check the other cursor against.
/// </summary>
internal sealed class BatchReader : IDisposable
{
    private readonly ImageClassifierTransformer classifier;
    private readonly IHost host;
    private readonly DataViewRowCursor cursor;
    private readonly Func<Image> readImage;
    private readonly ValueGetter<DataViewRowId> getId;
    private readonly int batchSize;
    private readonly List<Image> images;
    private readonly DataViewRowId[] ids;

    internal BatchReader(ImageClassifierTransformer classifier, IHost host, DataViewRowCursor cursor, int featureColumn, int batchSize)
    {
        this.classifier = classifier;
        this.host = host;
        this.cursor = cursor;
        this.batchSize = batchSize;
        readImage = classifier.Input.CreateReader(cursor, featureColumn);
        getId = cursor.GetIdGetter();
        images = new List<Image>(batchSize);
        ids = new DataViewRowId[batchSize];
        Classes = classifier.ClassNames.Count;
    }

    /// <summary>Probabilities per row.</summary>
    internal int Classes { get; }

    /// <summary>Rows in the current batch (0 once the input is exhausted).</summary>
    internal int Count { get; private set; }

    /// <summary>The current batch's probabilities, [<see cref="Count"/>, <see cref="Classes"/>] row-major.</summary>
    internal float[] Probabilities { get; private set; } = [];

    /// <summary>The input's id of row <paramref name="index"/> of the current batch.</summary>
    internal DataViewRowId Id(int index) => ids[index];

    /// <summary>Reads and scores up to a batch of rows; the images are dropped once scored.</summary>
    internal void Next()
    {
        host.CheckAlive();
        images.Clear();
        while (images.Count < batchSize && cursor.MoveNext())
        {
            getId(ref ids[images.Count]);
            images.Add(readImage());
        }
        Count = images.Count;
        Probabilities = classifier.Score(images);
        images.Clear();
    }

    public void Dispose() => cursor.Dispose();
}
