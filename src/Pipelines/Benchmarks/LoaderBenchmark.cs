using System.Diagnostics;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>
/// How fast the data pipeline feeds training from an image folder: decode, random resized crop to the
/// input size, flip, normalise and batch, with the loader's default workers — the rate to hold against
/// a model's training images/s (the loader must stay ahead for the GPU or CPU never to wait).
/// </summary>
public static class LoaderBenchmark
{
    /// <summary>Images/s over <paramref name="batches"/> timed batches after <paramref name="warmup"/> untimed ones.</summary>
    public static LoaderBenchmarkResult Run(string folder, int inputSize, int batchSize, int warmup, int batches, LoaderOptions? options = null)
    {
        if (batches < 1) throw new ArgumentException($"iterations must be at least 1, got {batches}");
        CpuAllocator.ApplyDefault(); // as the trainer that runs this loader does
        ProcessMemory.ResetPeak();
        var dataset = new ImageFolderDataset(folder);
        if (dataset.Count == 0) throw new ArgumentException($"no images in '{folder}'");
        var loaderOptions = (options ?? new LoaderOptions()) with { BatchSize = batchSize, Shuffle = true, Training = true };
        var loader = new DataLoader(dataset, new Preprocessing { InputSize = inputSize },
            new Augmentation { RandomResizedCrop = true, HorizontalFlip = true }, loaderOptions);
        long images = 0;
        var clock = new Stopwatch();
        if (warmup == 0) clock.Start();
        var seen = 0;
        for (var epoch = 1; seen < warmup + batches; epoch++)
            foreach (var batch in loader.Epoch(epoch))
            {
                using var _ = batch;
                seen++;
                if (seen <= warmup)
                {
                    if (seen == warmup) clock.Start();
                    continue;
                }
                images += batch.Count;
                if (seen == warmup + batches) break;
            }
        clock.Stop();
        return new LoaderBenchmarkResult
        {
            Data = folder,
            InputSize = inputSize,
            BatchSize = batchSize,
            Images = dataset.Count,
            Workers = loaderOptions.Workers,
            LoaderImagesPerSecond = images / Math.Max(1e-9, clock.Elapsed.TotalSeconds),
            PeakRssMiB = ProcessMemory.PeakResidentMiB(),
        };
    }
}
