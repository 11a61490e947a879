using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Metrics;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Training;

/// <summary>Runs a model over a data set in evaluation mode (folded, see <see cref="InferenceModel"/>) and computes the multiclass metrics.</summary>
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
        device ??= CPU;
        var accumulator = new MetricsAccumulator(dataset.ClassNames, topK);
        using var prepared = InferenceModel.Prepare(model, device, memoryFormat);
        var loader = new DataLoader(dataset, preprocessing, Augmentation.None, new LoaderOptions
        {
            BatchSize = batchSize,
            MemoryFormat = prepared.MemoryFormat,
            BadImages = skipped is null ? BadImagePolicy.Fail : BadImagePolicy.Skip,
            Workers = workers ?? new LoaderOptions().Workers,
        });
        if (skipped is not null) loader.ImageSkipped += skipped.Add;
        foreach (var batch in loader.Epoch(0, cancellation))
        {
            using var scope = torch.NewDisposeScope();
            using var _ = batch;
            using var inference = torch.inference_mode();
            var input = batch.Input.to(device);
            var labels = batch.Labels.to(device);
            var logits = prepared.call(input);
            var loss = F.cross_entropy(logits, labels);
            var probabilities = F.softmax(logits, 1).to(ScalarType.Float32).cpu();
            accumulator.Add(probabilities.data<float>().ToArray(), batch.Labels.data<long>().ToArray());
            accumulator.AddLoss(loss.ToDouble(), batch.Count);
        }
        return accumulator.Compute();
    }
}
