using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Training;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>
/// Speed and memory of one architecture on synthetic input, through the same code paths users run:
/// <see cref="TrainingStep"/> with AdamW for training, <see cref="InferenceModel"/> (eval mode, folded batch
/// norms, inference mode) for prediction. Timings start after warm-up; peak memory is the process's
/// resident high-water mark from the start of this measurement.
/// </summary>
public static class ModelBenchmark
{
    /// <summary>Measures <paramref name="architecture"/> (a registered name) as <paramref name="settings"/> say.</summary>
    public static BenchmarkResult Run(string architecture, BenchmarkSettings settings)
    {
        settings.Validate();
        // As the trainer and prediction choose. The choice is per process: once prediction has turned retention
        // on, later training measurements in the same process run with it (bench/ runs one process per mode).
        var allocator = CpuAllocator.ApplyDefault(settings.Mode.HasFlag(BenchmarkMode.Train) ? CpuAllocatorUse.Training : CpuAllocatorUse.Inference);
        ProcessMemory.ResetPeak();
        var device = settings.Device;
        var format = settings.MemoryFormat ?? MemoryFormats.Preferred(device);
        torch.random.manual_seed(0);
        // The ImageNet network at any size (no small-input stem), as torchvision builds it, so the figures
        // compare with PyTorch's.
        using var model = ModelRegistry.Default.Create(architecture,
            new ModelOptions { NumClasses = settings.NumClasses, InputSize = settings.InputSize, SmallInput = false });
        var summary = ModelSummary.Of(model);
        model.to(device);
        if (format == MemoryFormat.ChannelsLast) model.to(format);

        double? trainRate = null;
        InferenceFigures? inference = null;
        int? folded = null;
        if (settings.Mode.HasFlag(BenchmarkMode.Train)) trainRate = MeasureTraining(model, settings, format);
        if (settings.Mode.HasFlag(BenchmarkMode.Infer))
        {
            using var prepared = InferenceModel.Prepare(model, device, format);
            folded = prepared.FoldedBatchNorms;
            inference = InferenceTiming.Measure(prepared, 3, settings.InputSize, device, settings.BatchSize, settings.Warmup, settings.Iterations);
        }
        var gigaMacs = summary.Macs / 1e9;
        return new BenchmarkResult
        {
            Architecture = architecture,
            InputSize = settings.InputSize,
            BatchSize = settings.BatchSize,
            MemoryFormat = MemoryFormats.Name(format),
            CpuAllocator = TorchSharpAdditions.CpuAllocator.Name(allocator),
            Parameters = summary.Params,
            MacsPerImage = summary.Macs,
            TrainImagesPerSecond = trainRate,
            TrainGmacsPerSecond = 3 * gigaMacs * trainRate,
            InferImagesPerSecond = inference?.ImagesPerSecond,
            InferGmacsPerSecond = gigaMacs * inference?.ImagesPerSecond,
            LatencyMedianMs = inference?.LatencyMedianMs,
            LatencyP90Ms = inference?.LatencyP90Ms,
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
        using var input = Timing.SyntheticInput(3, settings.InputSize, settings.BatchSize, format, device);
        using var target = torch.randint(0, settings.NumClasses, [settings.BatchSize], dtype: ScalarType.Int64, device: device);
        for (var i = 0; i < settings.Warmup; i++) Timing.Seconds(() => step.Run(input, target), device);
        var seconds = 0.0;
        for (var i = 0; i < settings.Iterations; i++) seconds += Timing.Seconds(() => step.Run(input, target), device);
        return settings.Iterations * settings.BatchSize / seconds;
    }
}
