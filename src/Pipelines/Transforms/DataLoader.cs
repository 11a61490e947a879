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
    /// <summary>Batches prepared ahead of the consumer; bounds memory.</summary>
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
/// Streams model batches from a data set: per-epoch shuffling from a seed, decoding and augmentation on
/// background threads, a bounded queue so they overlap training and memory stays bounded. Every batch
/// depends only on (seed, epoch, batch index), never on thread timing.
/// </summary>
public sealed class DataLoader(IImageDataset dataset, Preprocessing preprocessing, Augmentation augmentation, LoaderOptions options)
{
    /// <summary>The data set.</summary>
    public IImageDataset Dataset { get; } = dataset;

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => options.DropLast ? Dataset.Count / options.BatchSize : (Dataset.Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>The example order of <paramref name="epoch"/>.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, Dataset.Count).ToArray();
        if (options.Shuffle) SplitMix.Stream(options.Seed, epoch, -1).Shuffle(order);
        return order;
    }

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
        var order = Order(epoch);
        var prepared = options.Workers == 0 ? BuildInline(order, epoch, cancellation) : BuildInBackground(order, epoch, cancellation);
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

    private IEnumerable<PreparedBatch> BuildInline(int[] order, int epoch, CancellationToken cancellation)
    {
        for (var b = 0; b < BatchesPerEpoch; b++)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return Build(order, epoch, b);
        }
    }

    private IEnumerable<PreparedBatch> BuildInBackground(int[] order, int epoch, CancellationToken cancellation)
    {
        var count = BatchesPerEpoch;
        if (count == 0) yield break;
        var queue = Channel.CreateBounded<Task<PreparedBatch>>(new BoundedChannelOptions(Math.Max(1, options.Prefetch)) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var workers = new SemaphoreSlim(Math.Max(1, options.Workers));
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var b = 0; b < count && !stop.IsCancellationRequested; b++)
                {
                    var batchIndex = b;
                    await workers.WaitAsync(stop.Token).ConfigureAwait(false);
                    var task = Task.Run(() =>
                    {
                        try { return Build(order, epoch, batchIndex); }
                        finally { workers.Release(); }
                    });
                    try
                    {
                        await queue.Writer.WriteAsync(task, stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        Free(task); // built (or being built) while the consumer left: nobody else will see it
                        throw;
                    }
                }
                queue.Writer.TryComplete();
            }
            catch (Exception e)
            {
                queue.Writer.TryComplete(e);
            }
        });
        try
        {
            for (var b = 0; b < count; b++)
            {
                var next = queue.Reader.ReadAsync(cancellation).AsTask().GetAwaiter().GetResult();
                yield return next.GetAwaiter().GetResult();
            }
        }
        finally
        {
            // An early exit (break, exception, cancellation) frees the batches already prepared.
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
            while (queue.Reader.TryRead(out var pending)) Free(pending);
        }

        static void Free(Task<PreparedBatch> built)
        {
            try { built.GetAwaiter().GetResult().Batch?.Dispose(); } catch (Exception) { }
        }
    }

    private PreparedBatch Build(int[] order, int epoch, int batchIndex)
    {
        var start = batchIndex * options.BatchSize;
        var indices = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray();
        var random = SplitMix.Stream(options.Seed, epoch, batchIndex);
        var (images, positions, kept, skipped) = options.BadImages == BadImagePolicy.Skip
            ? ReadableExamples(indices)
            : (Dataset, indices, indices, []);
        if (kept.Length == 0) return new PreparedBatch(null, skipped);
        using var pixels = BatchBuilder.Build(images, positions, preprocessing, augmentation, options.Training, random);
        var labels = kept.Select(i => (long)Dataset.GetLabel(i)).ToArray();
        var batch = BatchAugmenter.Apply(pixels, labels, Dataset.ClassNames.Count, preprocessing, augmentation, options.Training, random, options.MemoryFormat);
        return new PreparedBatch(batch, skipped);
    }

    /// <summary>
    /// Decodes the examples of a batch once, setting aside those whose image cannot be read; the readable images
    /// come back as a data set of their own (positions 0..k-1) with the examples they stand for.
    /// </summary>
    private (IImageDataset Images, int[] Positions, int[] Kept, SkippedImage[] Skipped) ReadableExamples(int[] indices)
    {
        List<Image> images = [];
        List<int> kept = [];
        List<SkippedImage> skipped = [];
        foreach (var index in indices)
        {
            try
            {
                images.Add(Dataset.GetImage(index));
                kept.Add(index);
            }
            catch (Exception e) when (SkippedImage.IsUnreadable(e))
            {
                skipped.Add(SkippedImage.From(Dataset, index, e));
            }
        }
        var readable = new ImageCollection(images, Dataset.ClassNames, Dataset.Channels, Dataset.FixedSize);
        return (readable, [.. Enumerable.Range(0, kept.Count)], [.. kept], [.. skipped]);
    }
}
