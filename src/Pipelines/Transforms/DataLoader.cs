using System.Threading.Channels;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Pipelines.Transforms;

/// <summary>How a <see cref="DataLoader"/> batches and prepares a data set.</summary>
public sealed record LoaderOptions
{
    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>New order every epoch (from the seed and the epoch number).</summary>
    public bool Shuffle { get; init; }
    /// <summary>Drop a last, smaller batch (keeps batch-norm statistics sane in training).</summary>
    public bool DropLast { get; init; }
    /// <summary>Batches prepared ahead, counting the one the consumer is working on; bounds memory.</summary>
    public int Prefetch { get; init; } = 4;
    /// <summary>
    /// Batches built in parallel on background threads; 0 builds each batch on the consuming thread when it
    /// is asked for (no prefetch), so the memory in use is the same at every step.
    /// </summary>
    public int Workers { get; init; } = 2;
    /// <summary>What to do with an example whose image cannot be read: stop naming the file (the default), or leave it out of its batch.</summary>
    public BadImagePolicy BadImages { get; init; } = BadImagePolicy.Fail;
    /// <summary>Root of every random stream (order, crops, flips).</summary>
    public int Seed { get; init; }
    /// <summary>Apply augmentation (training) or not (evaluation).</summary>
    public bool Training { get; init; }
    /// <summary>Layout of the input tensors (channels_last for faster convolutions on CPU).</summary>
    public MemoryFormat MemoryFormat { get; init; } = MemoryFormat.Contiguous;
}

/// <summary>
/// Streams model batches from a data set held by index (<see cref="IImageDataset"/>) or read in order
/// (<see cref="IExampleStream"/>): per-epoch shuffling from a seed, decoding and augmentation on background threads,
/// a bounded queue so they overlap training and memory stays bounded. Every batch depends only on (seed, epoch, batch
/// index), never on thread timing. A stream is read ahead of the consumer by at most <see cref="LoaderOptions.Prefetch"/>
/// batches, counting the one it is working on (one batch when <see cref="LoaderOptions.Workers"/> is 0).
/// </summary>
public sealed class DataLoader
{
    private readonly IImageDataset? dataset;
    private readonly IExampleStream? stream;
    private readonly Preprocessing preprocessing;
    private readonly Augmentation augmentation;
    private readonly LoaderOptions options;

    /// <summary>A loader over a data set read by index.</summary>
    public DataLoader(IImageDataset dataset, Preprocessing preprocessing, Augmentation augmentation, LoaderOptions options)
        : this(dataset.Count, dataset.ClassNames, preprocessing, augmentation, options) => this.dataset = dataset;

    /// <summary>A loader over a stream, read afresh every epoch.</summary>
    public DataLoader(IExampleStream stream, Preprocessing preprocessing, Augmentation augmentation, LoaderOptions options)
        : this(stream.Count, stream.ClassNames, preprocessing, augmentation, options) => this.stream = stream;

    private DataLoader(int count, IReadOnlyList<string> classNames, Preprocessing preprocessing, Augmentation augmentation, LoaderOptions options)
    {
        Count = count;
        ClassNames = classNames;
        this.preprocessing = preprocessing;
        this.augmentation = augmentation;
        this.options = options;
    }

    /// <summary>Examples per epoch.</summary>
    public int Count { get; }

    /// <summary>Class names of the examples.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => options.DropLast ? Count / options.BatchSize : (Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>
    /// Raised for every example left out under <see cref="BadImagePolicy.Skip"/>, on the consuming thread and in
    /// batch order, so every run reports the same images in the same order.
    /// </summary>
    public event Action<SkippedImage>? ImageSkipped;

    /// <summary>
    /// The batches of one epoch, prepared in the background; the caller disposes each batch. Under
    /// <see cref="BadImagePolicy.Skip"/> a batch holds only its readable examples, and a batch with none is left out.
    /// </summary>
    /// <exception cref="InvalidDataException">An image cannot be read (<see cref="BadImagePolicy.Fail"/>), or no image of the epoch can.</exception>
    public IEnumerable<ModelBatch> Epoch(int epoch, CancellationToken cancellation = default)
    {
        if (options.BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {options.BatchSize}");
        var prepared = options.Workers == 0 ? BuildInline(epoch, cancellation) : BuildInBackground(epoch, cancellation);
        SkippedImage? firstSkipped = null;
        var yielded = false;
        foreach (var (batch, skipped) in prepared)
        {
            foreach (var image in skipped)
            {
                firstSkipped ??= image;
                ImageSkipped?.Invoke(image);
            }
            if (batch is null) continue;
            yielded = true;
            yield return batch;
        }
        if (!yielded && firstSkipped is not null)
            throw new InvalidDataException($"no image of the epoch can be read; the first: {firstSkipped}");
    }

    /// <summary>A built batch (null when every example was unreadable) and the examples left out of it.</summary>
    private readonly record struct PreparedBatch(ModelBatch? Batch, SkippedImage[] Skipped);

    /// <summary>The examples of one batch: positions in a data set (the whole one, or a batch read from the stream).</summary>
    private readonly record struct BatchExamples(IImageDataset Source, int[] Indices);

    /// <summary>The examples of every batch of <paramref name="epoch"/>, in batch order; a stream is read as this is enumerated.</summary>
    private IEnumerable<BatchExamples> Batches(int epoch) => stream is null ? DatasetBatches(epoch) : StreamBatches(stream, epoch);

    private IEnumerable<BatchExamples> DatasetBatches(int epoch)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        if (options.Shuffle) SplitMix.Stream(options.Seed, epoch, -1).Shuffle(order);
        for (var b = 0; b < BatchesPerEpoch; b++)
        {
            var start = b * options.BatchSize;
            yield return new BatchExamples(dataset!, order[start..Math.Min(start + options.BatchSize, order.Length)]);
        }
    }

    private IEnumerable<BatchExamples> StreamBatches(IExampleStream source, int epoch)
    {
        // The epoch's order comes from the same (seed, epoch) coordinates as a data set's.
        int? shuffleSeed = options.Shuffle ? SplitMix.Stream(options.Seed, epoch, -1).Next() : null;
        var batches = BatchesPerEpoch;
        if (batches == 0) yield break;
        List<StreamedExample> examples = [];
        foreach (var example in source.Read(shuffleSeed))
        {
            examples.Add(example);
            if (examples.Count < options.BatchSize) continue;
            yield return Batch(examples);
            // A dropped last batch is not even read.
            if (--batches == 0) yield break;
            examples = [];
        }
        if (examples.Count > 0) yield return Batch(examples);

        BatchExamples Batch(List<StreamedExample> run) =>
            new(new StreamedBatchExamples(run, source), [.. Enumerable.Range(0, run.Count)]);
    }

    private IEnumerable<PreparedBatch> BuildInline(int epoch, CancellationToken cancellation)
    {
        var b = 0;
        foreach (var examples in Batches(epoch))
        {
            cancellation.ThrowIfCancellationRequested();
            yield return Build(examples, epoch, b++);
        }
    }

    private IEnumerable<PreparedBatch> BuildInBackground(int epoch, CancellationToken cancellation)
    {
        if (BatchesPerEpoch == 0) yield break;
        var queue = Channel.CreateBounded<Task<PreparedBatch>>(new BoundedChannelOptions(Math.Max(1, options.Prefetch)) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var workers = new SemaphoreSlim(Math.Max(1, options.Workers));
        var producer = Task.Run(async () =>
        {
            try
            {
                // Disposed on this thread when the epoch ends or is left, which closes a stream's cursor.
                using var batches = Batches(epoch).GetEnumerator();
                for (var b = 0; !stop.IsCancellationRequested; b++)
                {
                    // Room in the queue first, then read: what is read ahead never exceeds the queue.
                    if (!await queue.Writer.WaitToWriteAsync(stop.Token).ConfigureAwait(false) || !batches.MoveNext()) break;
                    var examples = batches.Current;
                    var batchIndex = b;
                    await workers.WaitAsync(stop.Token).ConfigureAwait(false);
                    var task = Task.Run(() =>
                    {
                        try { return Build(examples, epoch, batchIndex); }
                        finally { workers.Release(); }
                    });
                    // The only writer saw room above and the only reader takes nothing away, so this cannot fail.
                    queue.Writer.TryWrite(task);
                }
                queue.Writer.TryComplete();
            }
            catch (Exception e)
            {
                queue.Writer.TryComplete(e);
            }
        });
        // The batch last handed to the consumer stays at the head of the queue until the consumer asks for the next, so
        // the batches read ahead, the one being trained on included, never exceed the queue.
        var handedOver = false;
        try
        {
            while (queue.Reader.WaitToReadAsync(cancellation).AsTask().GetAwaiter().GetResult())
            {
                queue.Reader.TryPeek(out var next);
                var built = next!.GetAwaiter().GetResult();
                handedOver = true;
                yield return built;
                queue.Reader.TryRead(out _);
                handedOver = false;
            }
        }
        finally
        {
            // An early exit (break, exception, cancellation) frees the batches already prepared; the consumer owns the one it holds.
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
            if (handedOver) queue.Reader.TryRead(out _);
            while (queue.Reader.TryRead(out var pending)) Free(pending);
        }

        static void Free(Task<PreparedBatch> built)
        {
            try { built.GetAwaiter().GetResult().Batch?.Dispose(); } catch (Exception) { }
        }
    }

    private PreparedBatch Build(BatchExamples examples, int epoch, int batchIndex)
    {
        var (source, indices) = examples;
        var random = SplitMix.Stream(options.Seed, epoch, batchIndex);
        var (images, positions, kept, skipped) = options.BadImages == BadImagePolicy.Skip
            ? ReadableExamples(source, indices)
            : (source, indices, indices, []);
        if (kept.Length == 0) return new PreparedBatch(null, skipped);
        using var pixels = BatchBuilder.Build(images, positions, preprocessing, augmentation, options.Training, random);
        var labels = kept.Select(i => (long)source.GetLabel(i)).ToArray();
        var batch = BatchAugmenter.Apply(pixels, labels, ClassNames.Count, preprocessing, augmentation, options.Training, random, options.MemoryFormat);
        return new PreparedBatch(batch, skipped);
    }

    /// <summary>
    /// Decodes the examples of a batch once, setting aside those whose image cannot be read; the readable images
    /// come back as a data set of their own (positions 0..k-1) with the examples they stand for.
    /// </summary>
    private static (IImageDataset Images, int[] Positions, int[] Kept, SkippedImage[] Skipped) ReadableExamples(IImageDataset source, int[] indices)
    {
        List<Image> images = [];
        List<int> kept = [];
        List<SkippedImage> skipped = [];
        foreach (var index in indices)
        {
            try
            {
                images.Add(source.GetImage(index));
                kept.Add(index);
            }
            catch (Exception e) when (SkippedImage.IsUnreadable(e))
            {
                skipped.Add(SkippedImage.From(source, index, e));
            }
        }
        var readable = new ImageCollection(images, source.ClassNames, source.Channels, source.FixedSize);
        return (readable, [.. Enumerable.Range(0, kept.Count)], [.. kept], [.. skipped]);
    }
}
