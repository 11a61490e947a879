using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Scoring;

/// <summary>
/// The one batched scorer: the model prepared once for inference (<see cref="InferenceModel"/>: eval mode, folded
/// batch norms, the device's layout), then every batch in its own dispose scope under inference mode, and softmax
/// probabilities copied out as float32, row-major [images, classes]. Prediction, evaluation and the ML.NET
/// transformer all score through it, so the three give the same numbers for the same batch.
/// </summary>
public sealed class BatchScorer : IDisposable
{
    private const float MaxPixel = 255;

    private readonly InferenceModel prepared;
    private readonly Preprocessing preprocessing;
    private readonly Device device;

    /// <summary>
    /// Prepares <paramref name="model"/> (the caller keeps owning it; it is back in its own training mode after
    /// <see cref="Dispose"/>). <paramref name="preprocessing"/> turns decoded images into input; null
    /// <paramref name="memoryFormat"/> picks the device's preferred layout.
    /// </summary>
    public BatchScorer(nn.Module<Tensor, Tensor> model, Preprocessing preprocessing, Device? device = null, MemoryFormat? memoryFormat = null)
    {
        this.preprocessing = preprocessing;
        this.device = device ?? CPU;
        prepared = InferenceModel.Prepare(model, this.device, memoryFormat);
    }

    /// <summary>The layout input batches should come in (a data loader builds them so).</summary>
    public MemoryFormat MemoryFormat => prepared.MemoryFormat;

    /// <summary>
    /// Probabilities of decoded images (any size, grey or RGB) after the evaluation preprocessing: channel
    /// conversion, resize and centre crop unless every image already has the input size, then normalisation.
    /// </summary>
    public float[] Score(IReadOnlyList<Image> images)
    {
        if (images.Count == 0) return [];
        using var scope = torch.NewDisposeScope();
        var first = images[0];
        // One size and channel count for all: BatchBuilder copies the pixels without resampling, as in training.
        var uniform = images.All(i => i.Height == first.Height && i.Width == first.Width && i.Channels == first.Channels);
        var dataset = new ImageCollection(images, [], uniform ? first.Channels : Math.Min(first.Channels, 3),
            uniform ? (first.Height, first.Width) : null);
        var indices = Enumerable.Range(0, images.Count).ToArray();
        var pixels = BatchBuilder.Build(dataset, indices, preprocessing, Augmentation.None, training: false, new Random(0));
        using var batch = BatchAugmenter.Apply(pixels, new long[images.Count], numClasses: 0, preprocessing, Augmentation.None, training: false,
            new Random(0), prepared.MemoryFormat);
        return Forward(batch.Input, null, out _);
    }

    /// <summary>
    /// Probabilities of the first <paramref name="count"/> images of <paramref name="pixels"/>, which holds images at the
    /// model's input size and channel count as channel-major values in 0..255 ([N, C, S, S], as ML.NET's ExtractPixels
    /// writes them). Values are first made what decoding them to 8-bit pixels would give (rounded half to even, clamped,
    /// NaN as 0), so the probabilities are those <see cref="Score(IReadOnlyList{Image})"/> gives for the same images.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> holds fewer than <paramref name="count"/> images.</exception>
    public float[] Score(float[] pixels, int count)
    {
        var (channels, size) = (preprocessing.Channels, preprocessing.InputSize);
        var perImage = channels * size * size;
        if (count < 0 || pixels.Length < (long)count * perImage)
            throw new ArgumentException($"{pixels.Length} pixel values hold fewer than {count} images of {channels}×{size}×{size}");
        if (count == 0) return [];
        using var scope = torch.NewDisposeScope();
        // The array is shared, not copied: nan_to_num makes the batch's own tensor before anything is written.
        var shared = torch.from_array(pixels).narrow(0, 0, (long)count * perImage).view(count, channels, size, size);
        var whole = shared.nan_to_num(0, MaxPixel, 0).round_().clamp_(0, MaxPixel);
        using var batch = BatchAugmenter.Apply(whole, new long[count], numClasses: 0, preprocessing, Augmentation.None, training: false,
            new Random(0), prepared.MemoryFormat);
        return Forward(batch.Input, null, out _);
    }

    /// <summary>Probabilities of a normalised input batch [N, C, S, S] (e.g. a <see cref="ModelBatch"/>'s input).</summary>
    public float[] Score(Tensor input) => Forward(input, null, out _);

    /// <summary>Probabilities of a normalised input batch and its mean cross-entropy against the class indices <paramref name="labels"/>.</summary>
    public float[] Score(Tensor input, Tensor labels, out double loss) => Forward(input, labels, out loss);

    private float[] Forward(Tensor input, Tensor? labels, out double loss)
    {
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        var logits = prepared.call(input.to(device));
        loss = labels is null ? double.NaN : F.cross_entropy(logits, labels.to(device)).ToDouble();
        return F.softmax(logits, 1).to(ScalarType.Float32).cpu().data<float>().ToArray();
    }

    /// <summary>Frees the prepared copy and gives the model back its training mode.</summary>
    public void Dispose() => prepared.Dispose();
}
