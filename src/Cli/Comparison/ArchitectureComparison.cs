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
using System.Text.Json;
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

    /// <summary>Architectures trained at once, each in a child process (<see cref="WorkerTraining"/>); 1 trains them one after another in this process.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Intra-op threads of each child when <see cref="Jobs"/> is above 1.</summary>
    public int ThreadsPerJob { get; init; } = 1;

    /// <summary>The <c>modelzoo train</c> arguments every child gets (data, split, seed, limits, epochs, recipe options ...).</summary>
    public IReadOnlyList<string> WorkerArguments { get; init; } = [];

    /// <summary>Progress lines of the children (architecture, line) when <see cref="Jobs"/> is above 1.</summary>
    public event Action<string, string>? WorkerOutput;

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
        if (Jobs > 1 && architectures.Count > 1)
        {
            var folders = WorkerTraining.Run(architectures, Jobs, ThreadsPerJob, WorkerArguments, Path.Combine(outputDirectory, "runs"),
                (architecture, line) => WorkerOutput?.Invoke(architecture, line));
            foreach (var architecture in architectures)
                results.Add(Measure(mlContext, architecture, LoadTrained(mlContext, folders[architecture]), train.ClassNames, testView));
        }
        else
        {
            for (var i = 0; i < architectures.Count; i++)
            {
                ArchitectureStarted?.Invoke(i, architectures.Count, architectures[i]);
                results.Add(RunOne(mlContext, architectures[i], train, trainView, testView));
            }
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
            Machine = $"{Environment.ProcessorCount} logical processors, {ThreadUse(architectures.Count)}, libtorch {torch.__version__}, {DevicePolicy.Resolve(options.Device ?? "auto")}",
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
        return Measure(mlContext, architecture, fitted, train.ClassNames, testView);
    }

    private string ThreadUse(int architectureCount) => Jobs > 1 && architectureCount > 1
        ? $"{Math.Min(Jobs, architectureCount)} trainings at once with {ThreadsPerJob} thread(s) each"
        : $"{torch.get_num_threads()} threads";

    // What a child `modelzoo train` left: its model zip and its per-epoch record.
    private static FittedClassifier LoadTrained(MLContext mlContext, string folder)
    {
        var (model, schema) = ModelZip.Load(mlContext, Path.Combine(folder, TrainingRun.ModelFileName));
        var history = JsonSerializer.Deserialize<List<EpochRecord>>(File.ReadAllText(Path.Combine(folder, TrainingRun.HistoryFileName)))
                      ?? throw new InvalidDataException($"{folder}: {TrainingRun.HistoryFileName} holds no epochs");
        return new FittedClassifier(model, schema, new TrainingResult(history, null, history.Count, StoppedEarly: false));
    }

    // Evaluates a trained pipeline with ML.NET's evaluator, measures its cost and saves it under models/; disposes it.
    private ArchitectureResult Measure(MLContext mlContext, string architecture, FittedClassifier fitted, IReadOnlyList<string> classNames, IDataView testView)
    {
        using var _ = fitted;
        var runOptions = options.Clone();
        runOptions.Architecture = architecture;
        var metrics = ClassifierPipeline.Evaluate(mlContext, fitted.Model, testView, classNames.Count, TopK);
        // A second pass over the test set, which stops as soon as it has its examples: the evaluator keeps no per-row answers.
        var confused = ConfusedPairExamples.Collect(TestPredictions.Read(fitted.Model.Transform(testView), classNames),
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
            Recipe = runOptions.RecipeInForce().ToString(),
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
