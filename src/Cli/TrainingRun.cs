using System.Text.Json;
using Microsoft.ML;
using ModelZoo.Cli.CodeGeneration;
using ModelZoo.Cli.Data;
using ModelZoo.Cli.Models;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.TorchSharpAdditions.Serialization;
using Spectre.Console;
using TorchSharp;

namespace ModelZoo.Cli;

/// <summary>
/// One `train` run as the user sees it: the ML.NET pipeline fitted with a progress bar per epoch (loss, accuracy,
/// img/s, ETA), then ML.NET's test metrics; the model zip, the history and the training curves land in the output folder.
/// </summary>
internal sealed class TrainingRun(DataRecipe data, IImageDataset train, IImageDataset test, ImageClassifierTrainer.Options options,
    string outDirectory, bool json, string? emitCodeDirectory = null)
{
    /// <summary>The model zip <c>train</c> writes into its output folder.</summary>
    internal const string ModelFileName = "model" + ModelZip.Extension;

    /// <summary>The per-epoch record train writes beside the model.</summary>
    internal const string HistoryFileName = "history.json";

    // The evaluation's top-K (ML.NET's own default is none); clamped to the class count.
    private const int TopK = 5;

    internal int Execute()
    {
        CheckpointStore.EnsureWritable(outDirectory);
        List<SkippedImage> skippedInTest = [];
        var testable = ReadableImages.Filter(test, options.BadImages, skippedInTest);
        var mlContext = new MLContext(options.Seed);
        var fromFiles = train.HoldsFiles();
        if (emitCodeDirectory is not null) EmittedProject.Check(data, fromFiles);
        var trainView = mlContext.Data.LoadImageDataset(train);
        var testView = mlContext.Data.LoadImageDataset(testable);
        if (!json)
            AnsiConsole.MarkupLine($"Training [bold]{Markup.Escape(options.Architecture)}[/] on {train.Count} images ({train.ClassNames.Count} classes, " +
                                   $"{options.InputSize} px, {torch.get_num_threads()} threads, {DevicePolicy.Resolve(options.Device ?? "auto")})");
        if (!json) AnsiConsole.MarkupLine($"recipe: {Markup.Escape(options.RecipeInForce().ToString())}");
        FittedClassifier fitted;
        using (json ? null : ProgressDisplay.Attach(options))
            fitted = ClassifierPipeline.Fit(mlContext, train.ClassNames, fromFiles, trainView, testView, options);
        using var _ = fitted;
        IReadOnlyList<SkippedImage> skipped = [.. fitted.Training.SkippedImages.Concat(skippedInTest).DistinctBy(image => image.Path)];
        var metrics = ClassifierPipeline.Evaluate(mlContext, fitted.Model, testView, train.ClassNames.Count, TopK);

        var modelPath = Path.Combine(outDirectory, ModelFileName);
        ModelZip.Save(mlContext, fitted.Model, fitted.InputSchema, modelPath);
        var history = fitted.Training.History;
        var historyPath = Path.Combine(outDirectory, HistoryFileName);
        var historyJson = JsonSerializer.SerializeToUtf8Bytes(history, new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.Write(historyPath, stream => stream.Write(historyJson));
        var curvesPath = Path.Combine(outDirectory, "curves.png");
        TrainingCurvesFigure.Save(history, curvesPath);
        var project = emitCodeDirectory is null ? null : EmittedProject.Write(emitCodeDirectory, data, options, fromFiles, Path.GetFullPath(modelPath));

        if (json)
        {
            var report = new Dictionary<string, object?>
            {
                ["architecture"] = options.Architecture,
                ["recipe"] = options.RecipeInForce().ToString(),
                ["model"] = modelPath,
                ["history"] = history,
                ["curves"] = curvesPath,
                ["best_epoch"] = fitted.Training.BestEpoch,
                ["stopped_early"] = fitted.Training.StoppedEarly,
                ["test"] = MetricsView.ToJson(metrics, train.ClassNames),
                ["skipped_images"] = SkippedImagesView.ToJson(skipped),
                ["emitted_code"] = project,
            };
            Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        AnsiConsole.MarkupLine($"[bold]Test metrics[/] of {Markup.Escape(options.Architecture)} on {testable.Count} images:");
        MetricsView.Print(metrics);
        SkippedImagesView.Print(skipped);
        AnsiConsole.MarkupLine($"model: {Markup.Escape(modelPath)}");
        AnsiConsole.MarkupLine($"history: {Markup.Escape(historyPath)}");
        AnsiConsole.MarkupLine($"curves: {Markup.Escape(curvesPath)}");
        if (project is not null) AnsiConsole.MarkupLine($"code: {Markup.Escape(project)}");
        return 0;
    }
}
