using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Metrics;
using ModelZoo.Pipelines.Scoring;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>Runs a model over a data set through the one <see cref="BatchScorer"/> and computes the multiclass metrics.</summary>
public static class Evaluator
{
    /// <summary>
    /// Metrics of <paramref name="model"/> on <paramref name="dataset"/>; the loss is plain cross-entropy. Without
    /// <paramref name="skipped"/> an unreadable image stops the evaluation with an error naming it; with it, unreadable
    /// images are left out of the metrics and added to it (<see cref="BadImagePolicy.Skip"/>). <paramref name="workers"/>
    /// is <see cref="LoaderOptions.Workers"/> (null: the loader's default; 0: batches built on the calling thread).
    /// </summary>
    public static ValidationMetrics Evaluate(nn.Module<Tensor, Tensor> model, IImageDataset dataset, Preprocessing preprocessing,
        int batchSize = 128, int topK = 5, Device? device = null, MemoryFormat? memoryFormat = null,
        CancellationToken cancellation = default, ICollection<SkippedImage>? skipped = null, int? workers = null)
    {
        var accumulator = new MetricsAccumulator(dataset.ClassNames, topK);
        using var scorer = new BatchScorer(model, preprocessing, device, memoryFormat);
        var loader = new DataLoader(dataset, preprocessing, Augmentation.None, new LoaderOptions
        {
            BatchSize = batchSize,
            MemoryFormat = scorer.MemoryFormat,
            BadImages = skipped is null ? BadImagePolicy.Fail : BadImagePolicy.Skip,
            Workers = workers ?? new LoaderOptions().Workers,
        });
        if (skipped is not null) loader.ImageSkipped += skipped.Add;
        foreach (var batch in loader.Epoch(0, cancellation))
        {
            using var _ = batch;
            var probabilities = scorer.Score(batch.Input, batch.Labels, out var loss);
            accumulator.Add(probabilities, batch.Labels.data<long>().ToArray());
            accumulator.AddLoss(loss, batch.Count);
        }
        return accumulator.Compute();
    }
}
