using System.Diagnostics;
using ModelZoo.Torch;
using ModelZoo.Torch.Modules;

namespace ModelZoo.Pipelines.Comparison;

/// <summary>Batch-1 latency (median) and batched throughput of a model in inference mode, after warm-up.</summary>
public static class InferenceTiming
{
    /// <summary>Median milliseconds for one image, and images per second at <paramref name="batchSize"/>.</summary>
    public static (double latencyMs, double imagesPerSecond) Measure(TensorModule model, int channels, int size, Device device,
        int iterations = 20, int batchSize = 64)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var inference = torch.inference_mode();
            using var single = torch.randn([1, channels, size, size], device: device);
            using var batch = torch.randn([batchSize, channels, size, size], device: device);
            for (var i = 0; i < 3; i++) Run(model, single);
            var times = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                Run(model, single);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            Run(model, batch);
            var batched = Stopwatch.StartNew();
            const int batchRuns = 3;
            for (var i = 0; i < batchRuns; i++) Run(model, batch);
            return (times[iterations / 2], batchRuns * batchSize / batched.Elapsed.TotalSeconds);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static void Run(TensorModule model, Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var output = model.call(input);
        if (output.device.Type == DeviceType.CUDA) torch.cuda.synchronize();
    }
}
