using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Prediction;

/// <summary>One image's prediction: every class probability and the K most likely classes.</summary>
public sealed record Prediction(string PredictedLabel, float[] Score, IReadOnlyList<(string Label, float Probability)> Top);

/// <summary>
/// Classifies images with a trained model: the saved preprocessing (channels, resize, crop, normalisation)
/// is applied exactly as in evaluation, in inference mode on a batch-norm-folded copy (<see cref="InferenceModel"/>),
/// each batch in its own dispose scope.
/// </summary>
public sealed class Predictor(TrainedModel trained, Device? device = null) : IDisposable
{
    private readonly Device device = device ?? CPU;
    private InferenceModel? prepared;

    /// <summary>Frees the folded copy (the trained model stays the caller's).</summary>
    public void Dispose() => prepared?.Dispose();

    /// <summary>Classifies decoded images (any size; grey or RGB).</summary>
    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Image> images, int topK = 5, int batchSize = 64)
    {
        if (topK < 1) throw new ArgumentException($"top-K must be at least 1, got {topK}");
        var classes = trained.ClassNames;
        var results = new List<Prediction>(images.Count);
        // Prepared once per predictor (the folded copy costs one forward pass to build).
        var model = prepared ??= InferenceModel.Prepare(trained.Model, device);
        for (var start = 0; start < images.Count; start += batchSize)
        {
            var chunk = images.Skip(start).Take(batchSize).ToList();
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            var dataset = new ImageCollection(chunk, classes, chunk.Count > 0 ? Math.Min(chunk[0].Channels, 3) : 3);
            var indices = Enumerable.Range(0, chunk.Count).ToArray();
            var pixels = BatchBuilder.Build(dataset, indices, trained.Preprocessing, Augmentation.None, training: false, new Random(0));
            using var batch = BatchAugmenter.Apply(pixels, new long[chunk.Count], classes.Count, trained.Preprocessing, Augmentation.None, false, new Random(0), model.MemoryFormat);
            var probabilities = F.softmax(model.call(batch.Input.to(device)), 1).cpu().data<float>().ToArray();
            for (var i = 0; i < chunk.Count; i++)
            {
                var score = probabilities.AsSpan(i * classes.Count, classes.Count).ToArray();
                var top = score.Select((p, c) => (Label: classes[c], Probability: p))
                    .OrderByDescending(x => x.Probability).Take(Math.Min(topK, classes.Count)).ToList();
                results.Add(new Prediction(top[0].Label, score, top));
            }
        }
        return results;
    }
}
