using System.Globalization;
using ModelZoo.MLNetExtensions;
using Spectre.Console;

namespace ModelZoo.Cli;

/// <summary>
/// Training progress for people, fed by the trainer options' step and epoch callbacks: live bars (loss, accuracy,
/// img/s, ETA) in a terminal or, without one (CI, pipes), where a bar would print every frame, log lines.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Shows progress for a Fit run with <paramref name="options"/>; dispose the result when Fit returns or fails.</summary>
    internal static IDisposable Attach(ImageClassifierTrainer.Options options) =>
        AnsiConsole.Profile.Capabilities.Interactive ? AttachBars(options) : AttachLogLines(options);

    /// <summary>
    /// A live progress bar per epoch. Spectre's Progress owns the console while it runs, so it is driven from the
    /// callbacks on a background renderer and finished when disposed.
    /// </summary>
    private static IDisposable AttachBars(ImageClassifierTrainer.Options options)
    {
        var epochs = options.Epochs;
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
        options.StepCallback = step =>
        {
            task ??= context!.AddTask(Label(step.Epoch, epochs, "starting"), maxValue: step.StepsPerEpoch);
            task.Description = Label(step.Epoch, epochs, Invariant($"loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s"));
            task.Value = step.Step;
        };
        options.ProgressCallback = epoch =>
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
        };
        return new Stop(() =>
        {
            if (finished.IsSet) return;
            finished.Set();
            renderer.Wait();
        });
    }

    /// <summary>A line per tenth of an epoch and one per finished epoch.</summary>
    private static IDisposable AttachLogLines(ImageClassifierTrainer.Options options)
    {
        var epochs = options.Epochs;
        options.StepCallback = step =>
        {
            var tenth = Math.Max(1, step.StepsPerEpoch / 10);
            if (step.Step % tenth == 0 || step.Step == step.StepsPerEpoch)
                Console.WriteLine(Label(step.Epoch, epochs, Invariant($"step {step.Step}/{step.StepsPerEpoch} loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s")));
        };
        options.ProgressCallback = epoch =>
        {
            Console.WriteLine(Label(epoch.Epoch, epochs,
                Invariant($"done: loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:F3} val acc {epoch.ValidationAccuracy:F3} {epoch.Seconds:F0} s")));
            if (epoch.SkippedImages.Count > 0) Console.WriteLine(Label(epoch.Epoch, epochs, SkippedImagesView.EpochSummary(epoch.SkippedImages)));
        };
        return new Stop(() => { });
    }

    private static string Label(int epoch, int epochs, string detail) => $"epoch {epoch}/{epochs} {detail}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
