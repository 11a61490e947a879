using ModelZoo.Pipelines.Benchmarks;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Comparison;

/// <summary>
/// The main job: trains and evaluates each architecture on the same data, split, preprocessing and seed,
/// measures its cost (parameters, MACs, file size, training and inference speed) and collects a report.
/// </summary>
public sealed class ArchitectureComparison(TrainerOptions options, string outputDirectory)
{
    /// <summary>Raised before each architecture starts (index, count, name).</summary>
    public event Action<int, int, string>? ArchitectureStarted;

    /// <summary>Passed to each architecture's trainer (progress displays).</summary>
    public event Action<Trainer>? TrainerCreated;

    /// <summary>Runs every architecture and returns the report (also written as report.html/.md/.json).</summary>
    public ComparisonReport Run(IReadOnlyList<string> architectures, OpenedData data, IImageDataset train, IImageDataset test,
        Preprocessing preprocessing, CancellationToken cancellation = default)
    {
        if (architectures.Count == 0) throw new ArgumentException("compare needs at least one architecture");
        foreach (var name in architectures) ModelRegistry.Default.Get(name); // unknown names fail before any training
        CheckpointStore.EnsureWritable(outputDirectory);
        var results = new List<ArchitectureResult>();
        for (var i = 0; i < architectures.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            ArchitectureStarted?.Invoke(i, architectures.Count, architectures[i]);
            results.Add(RunOne(architectures[i], train, test, preprocessing, cancellation));
        }
        var report = new ComparisonReport
        {
            Title = $"Architecture comparison on {data.Source}",
            DataSource = data.Source,
            Classes = train.ClassNames,
            TrainCount = train.Count,
            TestCount = test.Count,
            InputSize = preprocessing.InputSize,
            Epochs = options.Epochs,
            Seed = options.Seed,
            CreatedUtc = DateTime.UtcNow,
            Machine = $"{Environment.ProcessorCount} logical processors, {torch.get_num_threads()} threads, libtorch {torch.__version__}, {options.ResolveDevice()}",
            Results = results,
        };
        ReportWriter.WriteAll(report, outputDirectory);
        return report;
    }

    private ArchitectureResult RunOne(string architecture, IImageDataset train, IImageDataset test, Preprocessing preprocessing,
        CancellationToken cancellation)
    {
        var trainer = new Trainer(options with { CheckpointDirectory = null });
        TrainerCreated?.Invoke(trainer);
        var (model, result) = ModelTraining.CreateAndTrain(architecture, trainer, train, test, preprocessing, cancellation: cancellation);
        using (model)
        {
            var metrics = result.Validation ?? Evaluator.Evaluate(model, test, preprocessing, topK: options.TopK, device: options.ResolveDevice());
            var device = options.ResolveDevice();
            var inference = InferenceTiming.Measure(model, preprocessing.Channels, preprocessing.InputSize, device);
            model.to(CPU);
            model.to(MemoryFormat.Contiguous);
            var summary = ModelSummary.Of(model);
            var modelPath = Path.Combine(outputDirectory, "models", architecture + ".mzmodel");
            Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
            ModelFile.Save(new TrainedModel(model, train.ClassNames, preprocessing), modelPath);
            var trainSeconds = result.History.Sum(h => h.Seconds);
            return new ArchitectureResult
            {
                Architecture = architecture,
                Family = ModelRegistry.Default.Get(architecture).Family,
                Parameters = summary.Params,
                Macs = summary.Macs,
                ModelFileBytes = new FileInfo(modelPath).Length,
                TrainSeconds = trainSeconds,
                TrainImagesPerSecond = result.History.Sum(h => h.ImagesPerSecond * h.Seconds) / Math.Max(1e-9, trainSeconds),
                InferenceLatencyMs = inference.LatencyMedianMs,
                InferenceImagesPerSecond = inference.ImagesPerSecond,
                Top1 = metrics.MicroAccuracy,
                TopK = metrics.TopKAccuracy,
                K = metrics.TopKPredictionCount,
                LogLoss = metrics.LogLoss,
                History = result.History,
                Metrics = metrics,
            };
        }
    }
}
