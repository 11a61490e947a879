using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.MLNetExtensions.Trainers;

/// <summary>
/// A trained classifier: scores images with the preprocessing it was trained with (never augmentation).
/// <see cref="Transform"/> gives a <see cref="PredictionDataView"/>; dispose it to free the network's tensors.
/// </summary>
public sealed class ImageClassificationTransformer : ITransformer
{
    private const int PredictionBatchSize = 128;
    private readonly Device device;
    private InferenceModel? prepared;
    private bool disposed;

    internal ImageClassificationTransformer(TrainedModel trained, Device device, IReadOnlyList<EpochRecord> history)
    {
        Trained = trained;
        this.device = device;
        TrainingHistory = history;
        trained.Model.eval();
    }

    /// <summary>The registry name of the architecture, e.g. <c>mobilenet_v3_small</c>.</summary>
    public string Architecture => Trained.Model.Name;

    /// <summary>The options the network was built with: classes, input channels and size, width multiplier.</summary>
    public ModelOptions ModelOptions => Trained.Model.Options;

    /// <summary>Class names, in the order of <see cref="ImagePrediction.Score"/>.</summary>
    public IReadOnlyList<string> ClassNames => Trained.ClassNames;

    /// <summary>How an image becomes model input: size, channels, normalisation.</summary>
    public Preprocessing Preprocessing => Trained.Preprocessing;

    /// <summary>One record per epoch trained; empty for a model loaded from a file.</summary>
    public IReadOnlyList<EpochRecord> TrainingHistory { get; }

    internal TrainedModel Trained { get; }

    /// <summary>Scores every image of <paramref name="input"/> (an <see cref="ImageDataView"/>).</summary>
    /// <exception cref="ArgumentException">The input is not image data.</exception>
    public IDataView Transform(IDataView input)
    {
        var data = ImageDataView.Require(input, nameof(input));
        var scores = Score(data.Dataset);
        var classIndex = ClassNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var rows = new ImagePrediction[data.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var label = data.ClassNames[data.Dataset.GetLabel(i)];
            rows[i] = new ImagePrediction(label, ClassNames[ArgMax(scores[i])], scores[i])
            {
                LabelIndex = classIndex.GetValueOrDefault(label, -1),
            };
        }
        return new PredictionDataView(ClassNames, rows);
    }

    /// <summary>Class probabilities for every example of <paramref name="dataset"/>, in order; each batch in its own dispose scope.</summary>
    internal float[][] Score(IImageDataset dataset)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var classes = ClassNames.Count;
        var scores = new float[dataset.Count][];
        // Prepared once per transformer (the folded copy costs one forward pass to build).
        prepared ??= InferenceModel.Prepare(Trained.Model, device);
        var loader = new DataLoader(dataset, Preprocessing, Augmentation.None,
            new LoaderOptions { BatchSize = PredictionBatchSize, MemoryFormat = prepared.MemoryFormat });
        var row = 0;
        foreach (var batch in loader.Epoch(0))
        {
            using var scope = torch.NewDisposeScope();
            using var _ = batch;
            using var inference = torch.inference_mode();
            var logits = prepared.call(batch.Input.to(device));
            var probabilities = F.softmax(logits, 1).to(ScalarType.Float32).cpu().data<float>().ToArray();
            for (var i = 0; i < batch.Count; i++) scores[row++] = probabilities.AsSpan(i * classes, classes).ToArray();
        }
        return scores;
    }

    internal static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>Frees the network's tensors; the transformer cannot score afterwards.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        prepared?.Dispose();
        Trained.Dispose();
    }
}
