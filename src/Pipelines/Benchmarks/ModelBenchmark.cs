using System.Diagnostics;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Training;
using ModelZoo.Torch;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>
/// Speed and memory of one architecture on synthetic input, through the same code paths users run:
/// <see cref="TrainingStep"/> with AdamW for training, <see cref="InferenceModel"/> (eval mode, folded batch
/// norms, inference mode) for prediction. Timings start after warm-up; peak memory is the process's
/// resident high-water mark from the start of this measurement.
/// </summary>
public static class ModelBenchmark
{
    private const int MinimumLatencySamples = 20;

    /// <summary>Measures <paramref name="architecture"/> (a registered name) as <paramref name="settings"/> say.</summary>
    public static BenchmarkResult Run(string architecture, BenchmarkSettings settings)
    {
        settings.Validate();
        ProcessMemory.ResetPeak();
        var device = settings.Device;
        var format = settings.MemoryFormat ?? MemoryFormats.Preferred(device);
        torch.manual_seed(0);
        // The ImageNet network at any size (no small-input stem), as torchvision builds it, so the figures
        // compare with PyTorch's.
        using var model = ModelRegistry.Default.Create(architecture,
            new ModelOptions { NumClasses = settings.NumClasses, InputSize = settings.InputSize, SmallInput = false });
        var summary = ModelSummary.Of(model);
        model.to(device);
        if (format == MemoryFormat.ChannelsLast) model.to(format);

        double? trainRate = null, inferRate = null, latencyMedian = null, latencyP90 = null;
        int? folded = null;
        if (settings.Mode.HasFlag(BenchmarkMode.Train)) trainRate = MeasureTraining(model, settings, format);
        if (settings.Mode.HasFlag(BenchmarkMode.Infer))
        {
            using var inference = InferenceModel.Prepare(model, device, format);
            folded = inference.FoldedBatchNorms;
            inferRate = MeasureInference(inference, settings, settings.BatchSize, settings.Iterations).imagesPerSecond;
            var latencies = MeasureInference(inference, settings, 1, Math.Max(settings.Iterations, MinimumLatencySamples)).milliseconds;
            Array.Sort(latencies);
            latencyMedian = Percentile(latencies, 0.5);
            latencyP90 = Percentile(latencies, 0.9);
        }
        var gigaMacs = summary.Macs / 1e9;
        return new BenchmarkResult
        {
            Architecture = architecture,
            InputSize = settings.InputSize,
            BatchSize = settings.BatchSize,
            MemoryFormat = MemoryFormats.Name(format),
            Parameters = summary.Params,
            MacsPerImage = summary.Macs,
            TrainImagesPerSecond = trainRate,
            TrainGmacsPerSecond = 3 * gigaMacs * trainRate,
            InferImagesPerSecond = inferRate,
            InferGmacsPerSecond = gigaMacs * inferRate,
            LatencyMedianMs = latencyMedian,
            LatencyP90Ms = latencyP90,
            FoldedBatchNorms = folded,
            PeakRssMiB = ProcessMemory.PeakResidentMiB(),
        };
    }

    private static double MeasureTraining(ClassificationModel model, BenchmarkSettings settings, MemoryFormat format)
    {
        var device = settings.Device;
        model.train();
        using var optimizer = OptimizerFactory.Create(model, new TrainerOptions { Optimizer = OptimizerKind.AdamW });
        var step = new TrainingStep(model, optimizer);
        using var input = Synthetic(settings, settings.BatchSize, format);
        using var target = torch.randint(0, settings.NumClasses, [settings.BatchSize], device: device);
        for (var i = 0; i < settings.Warmup; i++) TimedStep(() => step.Run(input, target), device);
        var seconds = 0.0;
        for (var i = 0; i < settings.Iterations; i++) seconds += TimedStep(() => step.Run(input, target), device);
        return settings.Iterations * settings.BatchSize / seconds;
    }

    private static (double imagesPerSecond, double[] milliseconds) MeasureInference(InferenceModel model, BenchmarkSettings settings, int batchSize, int iterations)
    {
        var device = settings.Device;
        using var input = Synthetic(settings, batchSize, model.MemoryFormat);
        using var inference = torch.inference_mode();
        for (var i = 0; i < settings.Warmup; i++) TimedStep(() => model.call(input), device);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++) times[i] = TimedStep(() => model.call(input), device);
        return (iterations * batchSize / times.Sum(), times.Select(t => t * 1000).ToArray());
    }

    private static Tensor Synthetic(BenchmarkSettings settings, int batchSize, MemoryFormat format)
    {
        using var plain = torch.randn([batchSize, 3, settings.InputSize, settings.InputSize], device: settings.Device);
        return plain.contiguous(format);
    }

    /// <summary>Seconds for one call, in its own dispose scope, waiting for the GPU when there is one.</summary>
    private static double TimedStep<T>(Func<T> work, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var clock = Stopwatch.StartNew();
        work();
        if (device.Type == DeviceType.CUDA) torch.cuda.synchronize(Math.Max(0, device.Index));
        return clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
