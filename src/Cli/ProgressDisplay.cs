using System.Globalization;
using ModelZoo.Pipelines.Training;
using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>Training progress for people: live bars (loss, accuracy, img/s, ETA) or, without a terminal, log lines.</summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// A live progress bar per epoch. Spectre's Progress owns the console while it runs, so it is driven
    /// from the trainer's events on a background renderer and finished when the last epoch completes.
    /// </summary>
    internal static void Attach(Trainer trainer, int epochs)
    {
        ProgressTask? task = null;
        ProgressContext? context = null;
        var ready = new ManualResetEventSlim();
        var finished = new ManualResetEventSlim();
        var renderer = Task.Run(() => AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(c =>
            {
                context = c;
                ready.Set();
                finished.Wait();
            }));
        ready.Wait();
        trainer.StepCompleted += step =>
        {
            task ??= context!.AddTask(Label(step.Epoch, epochs, "starting"), maxValue: step.StepsPerEpoch);
            task.Description = Label(step.Epoch, epochs, Invariant($"loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s"));
            task.Value = step.Step;
        };
        trainer.EpochCompleted += epoch =>
        {
            if (task is not null)
            {
                task.Description = Label(epoch.Epoch, epochs,
                    Invariant($"loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:F3} val {epoch.ValidationAccuracy:F3} {epoch.ImagesPerSecond:F0} img/s"));
                task.StopTask();
            }
            task = null;
            if (epoch.SkippedImages.Count > 0)
                AnsiConsole.MarkupLine(Markup.Escape(Label(epoch.Epoch, epochs, SkippedImagesView.EpochSummary(epoch.SkippedImages))));
            if (epoch.Epoch >= epochs) Stop();
        };
        trainer.Finished += Stop;

        void Stop()
        {
            if (finished.IsSet) return;
            finished.Set();
            renderer.Wait();
        }
    }

    /// <summary>A line per tenth of an epoch and one per finished epoch.</summary>
    internal static void AttachLogLines(Trainer trainer, int epochs)
    {
        trainer.StepCompleted += step =>
        {
            var tenth = Math.Max(1, step.StepsPerEpoch / 10);
            if (step.Step % tenth == 0 || step.Step == step.StepsPerEpoch)
                Console.WriteLine(Label(step.Epoch, epochs, Invariant($"step {step.Step}/{step.StepsPerEpoch} loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s")));
        };
        trainer.EpochCompleted += epoch =>
        {
            Console.WriteLine(Label(epoch.Epoch, epochs,
                Invariant($"done: loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:F3} val acc {epoch.ValidationAccuracy:F3} {epoch.Seconds:F0} s")));
            if (epoch.SkippedImages.Count > 0) Console.WriteLine(Label(epoch.Epoch, epochs, SkippedImagesView.EpochSummary(epoch.SkippedImages)));
        };
    }

    private static string Label(int epoch, int epochs, string detail) => $"epoch {epoch}/{epochs} {detail}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
