using Microsoft.ML;
using ModelZoo.Cli.Data;
using ModelZoo.Cli.Models;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Benchmarks;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using TorchSharp;

namespace ModelZoo.Cli.Comparison;

/// <summary>
/// The main job: fits the same ML.NET pipeline (<see cref="ClassifierPipeline"/>) for each architecture on the same
/// data, split, preprocessing and seed, evaluates it with ML.NET's evaluator, measures its cost (parameters, MACs,
/// model zip size, training and inference speed) and collects a report. For the report's most-confused pairs it keeps the
/// test rows of each model's largest mistakes, and reads back the images of the best model's.
/// </summary>
/// <param name="options">The trainer settings every architecture shares; <see cref="ImageClassifierTrainer.Options.Architecture"/> is set per run.</param>
/// <param name="outputDirectory">Where the reports and each architecture's model zip go.</param>
internal sealed class ArchitectureComparison(ImageClassifierTrainer.Options options, string outputDirectory)
{
    // The evaluation's top-K, as train's.
    private const int TopK = 5;

    /// <summary>Raised before each architecture starts (index, count, name).</summary>
    public event Action<int, int, string>? ArchitectureStarted;

    /// <summary>Raised with each architecture's trainer options before its Fit (progress displays set their callbacks); the result is disposed after.</summary>
    public Func<ImageClassifierTrainer.Options, IDisposable?>? AttachDisplay { get; init; }

    /// <summary>Runs every architecture and returns the report (also written as report.html/.md/.json).</summary>
    public ComparisonReport Run(IReadOnlyList<string> architectures, OpenedData data, IImageDataset train, IImageDataset test)
    {
        if (architectures.Count == 0) throw new ArgumentException("compare needs at least one architecture");
        foreach (var name in architectures) ModelRegistry.Default.Get(name); // unknown names fail before any training
        CheckpointStore.EnsureWritable(outputDirectory);
        test = ReadableImages.Filter(test, options.BadImages, []);
        var mlContext = new MLContext(options.Seed);
        var trainView = mlContext.Data.LoadImageDataset(train);
        var testView = mlContext.Data.LoadImageDataset(test);
        var results = new List<ArchitectureResult>();
        for (var i = 0; i < architectures.Count; i++)
        {
            ArchitectureStarted?.Invoke(i, architectures.Count, architectures[i]);
            results.Add(RunOne(mlContext, architectures[i], train, trainView, testView));
        }
        var unillustrated = new ComparisonReport
        {
            Title = $"Architecture comparison on {data.Source}",
            DataSource = data.Source,
            Classes = train.ClassNames,
            TrainCount = train.Count,
            TestCount = test.Count,
            InputSize = options.InputSize ?? 0,
            Epochs = options.Epochs,
            Seed = options.Seed ?? 1,
            CreatedUtc = DateTime.UtcNow,
            Machine = $"{Environment.ProcessorCount} logical processors, {torch.get_num_threads()} threads, libtorch {torch.__version__}, {DevicePolicy.Resolve(options.Device ?? "auto")}",
            Results = results,
        };
        var report = WithBestExampleImages(unillustrated, test);
        ReportWriter.WriteAll(report, outputDirectory);
        return report;
    }

    private ArchitectureResult RunOne(MLContext mlContext, string architecture, IImageDataset train, IDataView trainView, IDataView testView)
    {
        // Each run sets its own architecture, callbacks and validation set on a copy, so nothing leaks into the next.
        var runOptions = options.Clone();
        runOptions.Architecture = architecture;
        FittedClassifier fitted;
        using (AttachDisplay?.Invoke(runOptions))
            fitted = ClassifierPipeline.Fit(mlContext, train.ClassNames, train.HoldsFiles(), trainView, testView, runOptions);
        using var _ = fitted;
        var metrics = ClassifierPipeline.Evaluate(mlContext, fitted.Model, testView, train.ClassNames.Count, TopK);
        // A second pass over the test set, which stops as soon as it has its examples: the evaluator keeps no per-row answers.
        var confused = ConfusedPairExamples.Collect(TestPredictions.Read(fitted.Model.Transform(testView), train.ClassNames),
            ConfusedPair.MostConfused(metrics.ConfusionMatrix.Counts));
        var model = fitted.Classifier.Model;
        var inference = InferenceTiming.Measure(model, model.Options.InChannels, model.Options.InputSize, DevicePolicy.Resolve(options.Device ?? "auto"));
        var summary = ModelSummary.Of(model);
        var modelPath = Path.Combine(outputDirectory, "models", architecture + ModelZip.Extension);
        ModelZip.Save(mlContext, fitted.Model, fitted.InputSchema, modelPath);
        var history = fitted.Training.History;
        var trainSeconds = history.Sum(h => h.Seconds);
        return new ArchitectureResult
        {
            Architecture = architecture,
            Family = ModelRegistry.Default.Get(architecture).Family,
            Parameters = summary.Params,
            Macs = summary.Macs,
            ModelFileBytes = new FileInfo(modelPath).Length,
            TrainSeconds = trainSeconds,
            TrainImagesPerSecond = history.Sum(h => h.ImagesPerSecond * h.Seconds) / Math.Max(1e-9, trainSeconds),
            InferenceLatencyMs = inference.LatencyMedianMs,
            InferenceImagesPerSecond = inference.ImagesPerSecond,
            Top1 = metrics.MicroAccuracy,
            TopK = metrics.TopKAccuracy,
            K = metrics.TopKPredictionCount,
            LogLoss = metrics.LogLoss,
            History = history,
            Metrics = metrics,
            ConfusedExamples = confused,
        };
    }

    // Only the best model's examples are shown, so only its images are read, and only once every model has run.
    private static ComparisonReport WithBestExampleImages(ComparisonReport report, IImageDataset test)
    {
        var best = report.Best;
        var illustrated = best with
        {
            ConfusedExamples = [.. best.ConfusedExamples.Select(e => e with { Images = [.. e.TestIndices.Select(test.GetImage)] })],
        };
        return report with { Results = [.. report.Results.Select(r => ReferenceEquals(r, best) ? illustrated : r)] };
    }
}
