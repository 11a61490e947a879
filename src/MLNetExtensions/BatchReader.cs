using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The look-ahead half of a <see cref="BatchScoredCursor"/>: reads the next batch of images off its own cursor
/// over the input and scores them in one forward pass, keeping each row's id to check the other cursor against.
/// Pixel vectors already at the model's input size are copied straight into one batch buffer; anything else
/// (encoded bytes, other sizes) is read as images and preprocessed as in training.
/// </summary>
internal sealed class BatchReader : IDisposable
{
    private readonly ImageClassifierTransformer classifier;
    private readonly IHost host;
    private readonly DataViewRowCursor cursor;
    private readonly ValueGetter<DataViewRowId> getId;
    private readonly int batchSize;
    private readonly DataViewRowId[] ids;
    private readonly Action<Span<float>>? copyPixels;
    private readonly float[] pixels = [];
    private readonly int pixelsPerImage;
    private readonly Func<Image>? readImage;
    private readonly List<Image> images = [];

    internal BatchReader(ImageClassifierTransformer classifier, IHost host, DataViewRowCursor cursor, int featureColumn, int batchSize)
    {
        this.classifier = classifier;
        this.host = host;
        this.cursor = cursor;
        this.batchSize = batchSize;
        getId = cursor.GetIdGetter();
        ids = new DataViewRowId[batchSize];
        Classes = classifier.ClassNames.Count;
        if (classifier.TakesPixelsAsTheyAre)
        {
            copyPixels = classifier.Input.CreatePixelCopier(cursor, featureColumn);
            pixelsPerImage = classifier.Input.Channels * classifier.Input.Height * classifier.Input.Width;
            pixels = new float[batchSize * pixelsPerImage];
        }
        else
        {
            readImage = classifier.Input.CreateReader(cursor, featureColumn);
        }
    }

    /// <summary>Probabilities per row.</summary>
    internal int Classes { get; }

    /// <summary>Rows in the current batch (0 once the input is exhausted).</summary>
    internal int Count { get; private set; }

    /// <summary>The current batch's probabilities, [<see cref="Count"/>, <see cref="Classes"/>] row-major.</summary>
    internal float[] Probabilities { get; private set; } = [];

    /// <summary>The input's id of row <paramref name="index"/> of the current batch.</summary>
    internal DataViewRowId Id(int index) => ids[index];

    /// <summary>Reads and scores up to a batch of rows; decoded images are dropped once scored.</summary>
    internal void Next()
    {
        host.CheckAlive();
        Count = 0;
        while (Count < batchSize && cursor.MoveNext())
        {
            getId(ref ids[Count]);
            if (copyPixels is not null) copyPixels(pixels.AsSpan(Count * pixelsPerImage, pixelsPerImage));
            else images.Add(readImage!());
            Count++;
        }
        Probabilities = copyPixels is not null ? classifier.ScorePixels(pixels, Count) : classifier.Score(images);
        images.Clear();
    }

    public void Dispose() => cursor.Dispose();
}
