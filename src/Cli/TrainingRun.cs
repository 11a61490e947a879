using System.Globalization;
using System.Text.Json;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;
using static TorchSharp.torch;
using ModelZoo.Zoo;
using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>
/// One `train` run as the user sees it: a progress bar per epoch (loss, accuracy, img/s, ETA), then the
/// test metrics; the model, the history and the training curves land in the output folder.
/// </summary>
internal sealed class TrainingRun(string architecture, IImageDataset train, IImageDataset test, Preprocessing preprocessing,
    TrainerOptions options, string outDirectory, bool json, string? initialWeights = null)
{
    internal int Execute(string? resumeFrom)
    {
        CheckpointStore.EnsureWritable(outDirectory);
        var trainer = new Trainer(options);
        if (!json) AttachDisplay(trainer);
        var (model, result) = ModelTraining.CreateAndTrain(architecture, trainer, train, test, preprocessing, resumeFrom, initialWeights: initialWeights);
        using var _ = model;
        List<SkippedImage> skippedInTest = [];
        var metrics = result.Validation ?? Evaluator.Evaluate(model, test, preprocessing, topK: options.TopK, device: options.ResolveDevice(),
            skipped: options.BadImages == BadImagePolicy.Skip ? skippedInTest : null);
        IReadOnlyList<SkippedImage> skipped = [.. result.SkippedImages.Concat(skippedInTest).DistinctBy(image => image.Path)];

        var modelPath = Path.Combine(outDirectory, "model.mzmodel");
        model.to(CPU);
        model.to(MemoryFormat.Contiguous);
        ModelFile.Save(new TrainedModel(model, train.ClassNames, preprocessing), modelPath);
        var historyPath = Path.Combine(outDirectory, "history.json");
        File.WriteAllText(historyPath, JsonSerializer.Serialize(result.History, new JsonSerializerOptions { WriteIndented = true }));
        var curvesPath = Path.Combine(outDirectory, "curves.png");
        TrainingCurvesFigure.Save(result.History, curvesPath);

        if (json)
        {
            var report = new Dictionary<string, object?>
            {
                ["architecture"] = architecture,
                ["model"] = modelPath,
                ["history"] = result.History,
                ["curves"] = curvesPath,
                ["best_epoch"] = result.BestEpoch,
                ["stopped_early"] = result.StoppedEarly,
                ["test"] = MetricsView.ToJson(metrics),
                ["skipped_images"] = SkippedImagesView.ToJson(skipped),
            };
            Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        AnsiConsole.MarkupLine($"[bold]Test metrics[/] of {Markup.Escape(architecture)} on {test.Count} images:");
        MetricsView.Print(metrics);
        SkippedImagesView.Print(skipped);
        AnsiConsole.MarkupLine($"model: {Markup.Escape(modelPath)}");
        AnsiConsole.MarkupLine($"history: {Markup.Escape(historyPath)}");
        AnsiConsole.MarkupLine($"curves: {Markup.Escape(curvesPath)}");
        return 0;
    }

    /// <summary>
    /// Shows progress while the trainer runs: a redrawn bar per epoch in a terminal; without one (CI, pipes)
    /// a bar would print every frame, so a plain line per tenth of an epoch instead.
    /// </summary>
    private void AttachDisplay(Trainer trainer)
    {
        AnsiConsole.MarkupLine($"Training [bold]{Markup.Escape(architecture)}[/] on {train.Count} images ({train.ClassNames.Count} classes, " +
                               $"{preprocessing.InputSize} px, {torch.get_num_threads()} threads, {options.ResolveDevice()})");
        if (AnsiConsole.Profile.Capabilities.Interactive) ProgressDisplay.Attach(trainer, options.Epochs);
        else ProgressDisplay.AttachLogLines(trainer, options.Epochs);
    }

}
