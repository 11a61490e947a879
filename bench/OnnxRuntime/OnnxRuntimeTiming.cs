using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ModelZoo.Pipelines.Benchmarks;

namespace ModelZoo.Bench.OnnxRuntime;

/// <summary>
/// ONNX Runtime's inference speed on an exported model, measured as <see cref="InferenceTiming"/> measures
/// ModelZoo's: batched throughput over the same iterations, then batch-1 latency over at least
/// <see cref="InferenceTiming.MinimumLatencySamples"/> calls, after the same warm-up, on standard-normal input.
/// </summary>
internal static class OnnxRuntimeTiming
{
    public static InferenceFigures Measure(byte[] model, int threads, int channels, int size, int batchSize, int warmup, int iterations)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        using var session = new InferenceSession(model, options);
        var batched = Times(session, channels, size, batchSize, warmup, iterations);
        var latencies = Times(session, channels, size, 1, warmup, Math.Max(iterations, InferenceTiming.MinimumLatencySamples));
        return InferenceTiming.Summarise(batched, batchSize, latencies);
    }

    private static double[] Times(InferenceSession session, int channels, int size, int batchSize, int warmup, int iterations)
    {
        var random = new Random(0);
        var values = new float[batchSize * channels * size * size];
        for (var i = 0; i < values.Length; i++) values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var input = new DenseTensor<float>(values, [batchSize, channels, size, size]);
        var inputs = new[] { NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input) };
        string[] outputs = [Onnx.OnnxExporter.LogitsName];
        for (var i = 0; i < warmup; i++) session.Run(inputs, outputs).Dispose();
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            session.Run(inputs, outputs).Dispose();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        return times;
    }
}
