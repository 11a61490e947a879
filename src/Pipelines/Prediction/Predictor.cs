using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Scoring;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Prediction;

/// <summary>One image's prediction: every class probability and the K most likely classes.</summary>
public sealed record Prediction(string PredictedLabel, float[] Score, IReadOnlyList<(string Label, float Probability)> Top);

/// <summary>
/// Classifies images with a trained model: the saved preprocessing (channels, resize, crop, normalisation)
/// is applied exactly as in evaluation, through the one <see cref="BatchScorer"/>.
/// </summary>
public sealed class Predictor(TrainedModel trained, Device? device = null) : IDisposable
{
    private BatchScorer? scorer;

    /// <summary>Frees the scorer's prepared copy (the trained model stays the caller's).</summary>
    public void Dispose() => scorer?.Dispose();

    /// <summary>Classifies decoded images (any size; grey or RGB).</summary>
    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Image> images, int topK = 5, int batchSize = 64)
    {
        if (topK < 1) throw new ArgumentException($"top-K must be at least 1, got {topK}");
        var classes = trained.ClassNames;
        var results = new List<Prediction>(images.Count);
        // Prepared once per predictor (the folded copy costs one forward pass to build).
        scorer ??= new BatchScorer(trained.Model, trained.Preprocessing, device);
        for (var start = 0; start < images.Count; start += batchSize)
        {
            var chunk = images.Skip(start).Take(batchSize).ToList();
            var probabilities = scorer.Score(chunk);
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
