using ModelZoo.Pipelines.Prediction;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>Batched inference throughput and batch-1 latency, in images/s and milliseconds.</summary>
public readonly record struct InferenceFigures(double ImagesPerSecond, double LatencyMedianMs, double LatencyP90Ms);

/// <summary>
/// Inference speed on synthetic input through <see cref="InferenceModel"/> (eval mode, folded batch norms,
/// the device's layout, inference mode), after warm-up — what prediction in ModelZoo actually runs.
/// </summary>
public static class InferenceTiming
{
    /// <summary>Batch-1 latency takes at least this many samples, so the p90 means something.</summary>
    public const int MinimumLatencySamples = 20;

    /// <summary>Prepares <paramref name="model"/> for inference and measures it (the model is left as it was).</summary>
    public static InferenceFigures Measure(nn.Module<Tensor, Tensor> model, int channels, int size, Device device, int batchSize = 64, int warmup = 2, int iterations = 3)
    {
        using var prepared = InferenceModel.Prepare(model, device);
        return Measure(prepared, channels, size, device, batchSize, warmup, iterations);
    }

    /// <summary>Measures an already prepared model: <paramref name="iterations"/> batches of <paramref name="batchSize"/>, then batch-1 latency.</summary>
    public static InferenceFigures Measure(InferenceModel model, int channels, int size, Device device, int batchSize, int warmup, int iterations)
    {
        var batched = Times(model, channels, size, batchSize, warmup, iterations, device);
        var latencies = Times(model, channels, size, 1, warmup, Math.Max(iterations, MinimumLatencySamples), device);
        return Summarise(batched, batchSize, latencies);
    }

    /// <summary>
    /// The figures of timed calls: images/s over the <paramref name="batchedSeconds"/> of batches of
    /// <paramref name="batchSize"/>, median and p90 of the batch-1 <paramref name="latencySeconds"/> (shared with
    /// bench/'s ONNX Runtime comparison, so both sides are summarised alike).
    /// </summary>
    public static InferenceFigures Summarise(double[] batchedSeconds, int batchSize, double[] latencySeconds)
    {
        var sorted = latencySeconds.Order().ToArray();
        return new InferenceFigures(batchedSeconds.Length * batchSize / batchedSeconds.Sum(),
            Timing.Percentile(sorted, 0.5) * 1000, Timing.Percentile(sorted, 0.9) * 1000);
    }

    /// <summary>Batched throughput alone: <paramref name="iterations"/> forward passes of <paramref name="batchSize"/> synthetic images.</summary>
    public static double ImagesPerSecond(InferenceModel model, int channels, int size, Device device, int batchSize, int warmup, int iterations) =>
        iterations * batchSize / Times(model, channels, size, batchSize, warmup, iterations, device).Sum();

    /// <summary>Seconds of each timed call after <paramref name="warmup"/> untimed ones.</summary>
    private static double[] Times(InferenceModel model, int channels, int size, int batchSize, int warmup, int iterations, Device device)
    {
        using var input = Timing.SyntheticInput(channels, size, batchSize, model.MemoryFormat, device);
        using var inference = torch.inference_mode();
        for (var i = 0; i < warmup; i++) Timing.Seconds(() => model.call(input), device);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++) times[i] = Timing.Seconds(() => model.call(input), device);
        return times;
    }
}
