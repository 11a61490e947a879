using System.Threading.Channels;
using ModelZoo.Pipelines.Data;
using ModelZoo.Torch;

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
    /// <summary>Batches built in parallel on background threads.</summary>
    public int Workers { get; init; } = 2;
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

    /// <summary>The batches of one epoch, prepared in the background; the caller disposes each batch.</summary>
    public IEnumerable<ModelBatch> Epoch(int epoch, CancellationToken cancellation = default)
    {
        if (options.BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {options.BatchSize}");
        var order = Order(epoch);
        var count = BatchesPerEpoch;
        if (count == 0) yield break;
        var queue = Channel.CreateBounded<Task<ModelBatch>>(new BoundedChannelOptions(Math.Max(1, options.Prefetch)) { SingleReader = true, SingleWriter = true });
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
                    await queue.Writer.WriteAsync(task, stop.Token).ConfigureAwait(false);
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
            while (queue.Reader.TryRead(out var pending))
                try { pending.GetAwaiter().GetResult().Dispose(); } catch (Exception) { }
        }
    }

    private ModelBatch Build(int[] order, int epoch, int batchIndex)
    {
        var start = batchIndex * options.BatchSize;
        var indices = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray();
        var random = SplitMix.Stream(options.Seed, epoch, batchIndex);
        using var images = BatchBuilder.Build(Dataset, indices, preprocessing, augmentation, options.Training, random);
        var labels = indices.Select(i => (long)Dataset.GetLabel(i)).ToArray();
        return BatchAugmenter.Apply(images, labels, Dataset.ClassNames.Count, preprocessing, augmentation, options.Training, random, options.MemoryFormat);
    }
}
