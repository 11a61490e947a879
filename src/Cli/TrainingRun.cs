using System.Globalization;
using System.Text.Json;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Torch;
using ModelZoo.Zoo;
using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>
/// One `train` run as the user sees it: a progress bar per epoch (loss, accuracy, img/s, ETA), then the
/// test metrics; the model, the history and the training curves land in the output folder.
/// </summary>
internal sealed class TrainingRun(string architecture, IImageDataset train, IImageDataset test, Preprocessing preprocessing,
    TrainerOptions options, string outDirectory, bool json)
{
    internal int Execute(string? resumeFrom)
    {
        CheckpointStore.EnsureWritable(outDirectory);
        torch.manual_seed((ulong)options.Seed);
        var modelOptions = new ModelOptions
        {
            NumClasses = train.ClassNames.Count,
            InChannels = preprocessing.Channels,
            InputSize = preprocessing.InputSize,
        };
        using var model = ModelRegistry.Default.Create(architecture, modelOptions);
        var trainer = new Trainer(options);
        var result = json ? trainer.Fit(model, train, test, preprocessing, resumeFrom) : WithProgress(trainer, model, resumeFrom);
        var metrics = result.Validation ?? Evaluator.Evaluate(model, test, preprocessing, topK: options.TopK, device: options.ResolveDevice());

        var modelPath = Path.Combine(outDirectory, "model.mzmodel");
        model.to(Device.CPU);
        model.to(MemoryFormat.Contiguous);
        ModelFile.Save(new TrainedModel(model, train.ClassNames, preprocessing), modelPath);
        var historyPath = Path.Combine(outDirectory, "history.json");
        File.WriteAllText(historyPath, JsonSerializer.Serialize(result.History, new JsonSerializerOptions { WriteIndented = true }));

        if (json)
        {
            var report = new Dictionary<string, object?>
            {
                ["architecture"] = architecture,
                ["model"] = modelPath,
                ["history"] = result.History,
                ["best_epoch"] = result.BestEpoch,
                ["stopped_early"] = result.StoppedEarly,
                ["test"] = MetricsView.ToJson(metrics),
            };
            Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        AnsiConsole.MarkupLine($"[bold]Test metrics[/] of {Markup.Escape(architecture)} on {test.Count} images:");
        MetricsView.Print(metrics);
        AnsiConsole.MarkupLine($"model: {Markup.Escape(modelPath)}");
        AnsiConsole.MarkupLine($"history: {Markup.Escape(historyPath)}");
        return 0;
    }

    private TrainingResult WithProgress(Trainer trainer, Zoo.ClassificationModel model, string? resumeFrom)
    {
        AnsiConsole.MarkupLine($"Training [bold]{Markup.Escape(architecture)}[/] on {train.Count} images ({train.ClassNames.Count} classes, " +
                               $"{preprocessing.InputSize} px, {torch.get_num_threads()} threads, {options.ResolveDevice()})");
        if (!AnsiConsole.Profile.Capabilities.Interactive) return WithLogLines(trainer, model, resumeFrom);
        TrainingResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask? task = null;
                trainer.StepCompleted += step =>
                {
                    task ??= context.AddTask(Label(step.Epoch, "starting"), maxValue: step.StepsPerEpoch);
                    task.Description = Label(step.Epoch,
                        string.Create(CultureInfo.InvariantCulture, $"loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s"));
                    task.Value = step.Step;
                };
                trainer.EpochCompleted += epoch =>
                {
                    if (task is not null)
                    {
                        task.Description = Label(epoch.Epoch, string.Create(CultureInfo.InvariantCulture,
                            $"loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:F3} val {epoch.ValidationAccuracy:F3} {epoch.ImagesPerSecond:F0} img/s"));
                        task.StopTask();
                    }
                    task = null;
                };
                result = trainer.Fit(model, train, test, preprocessing, resumeFrom);
            });
        return result!;
    }

    /// <summary>Without a terminal (CI, pipes) a redrawn bar would print every frame: log a line per tenth of an epoch instead.</summary>
    private TrainingResult WithLogLines(Trainer trainer, Zoo.ClassificationModel model, string? resumeFrom)
    {
        trainer.StepCompleted += step =>
        {
            var tenth = Math.Max(1, step.StepsPerEpoch / 10);
            if (step.Step % tenth == 0 || step.Step == step.StepsPerEpoch)
                Console.WriteLine(Label(step.Epoch, string.Create(CultureInfo.InvariantCulture,
                    $"step {step.Step}/{step.StepsPerEpoch} loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s")));
        };
        trainer.EpochCompleted += epoch => Console.WriteLine(Label(epoch.Epoch, string.Create(CultureInfo.InvariantCulture,
            $"done: loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:F3} val acc {epoch.ValidationAccuracy:F3} {epoch.Seconds:F0} s")));
        return trainer.Fit(model, train, test, preprocessing, resumeFrom);
    }

    private string Label(int epoch, string detail) => $"epoch {epoch}/{options.Epochs} {detail}";
}
