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

    /// <summary>
    /// For logs: a line per finished epoch and, within an epoch, at most one every <see cref="LogInterval"/>, each with
    /// images/s and the time the run has left (from the pace of the steps so far), so a log grows by lines worth reading.
    /// </summary>
    private static IDisposable AttachLogLines(ImageClassifierTrainer.Options options)
    {
        var epochs = options.Epochs;
        var sinceLine = System.Diagnostics.Stopwatch.StartNew();
        var sinceEpochStart = System.Diagnostics.Stopwatch.StartNew();
        options.StepCallback = step =>
        {
            if (step.Step == 1) sinceEpochStart.Restart();
            if (sinceLine.Elapsed < LogInterval || step.Step == step.StepsPerEpoch) return;
            sinceLine.Restart();
            var secondsPerStep = sinceEpochStart.Elapsed.TotalSeconds / step.Step;
            var stepsLeft = (epochs - step.Epoch) * (long)step.StepsPerEpoch + step.StepsPerEpoch - step.Step;
            Console.WriteLine(Label(step.Epoch, epochs, Invariant(
                $"step {step.Step}/{step.StepsPerEpoch} loss {step.Loss:F3} acc {step.Accuracy:F3} {step.ImagesPerSecond:F0} img/s, {TimeLeft(stepsLeft * secondsPerStep)} left")));
        };
        options.ProgressCallback = epoch =>
        {
            sinceLine.Restart();
            var left = (epochs - epoch.Epoch) * epoch.Seconds;
            Console.WriteLine(Label(epoch.Epoch, epochs,
                Invariant($"done: loss {epoch.TrainLoss:F3} acc {epoch.TrainAccuracy:F3} val acc {epoch.ValidationAccuracy:F3} {epoch.ImagesPerSecond:F0} img/s, {epoch.Seconds:F0} s, {TimeLeft(left)} left")));
            if (epoch.SkippedImages.Count > 0) Console.WriteLine(Label(epoch.Epoch, epochs, SkippedImagesView.EpochSummary(epoch.SkippedImages)));
        };
        return new Stop(() => { });
    }

    /// <summary>
    /// The longest a log goes without a progress line inside an epoch: 10 s, or MODELZOO_PROGRESS_SECONDS (0 writes a line
    /// per step, which tests that act on a given step use).
    /// </summary>
    internal static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("MODELZOO_PROGRESS_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0 ? seconds : 10);

    private static string TimeLeft(double seconds) =>
        seconds >= 3600 ? Invariant($"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):D2} min")
        : seconds >= 60 ? Invariant($"{(int)(seconds / 60)} min {(int)(seconds % 60):D2} s")
        : Invariant($"{seconds:F0} s");

    private static string Label(int epoch, int epochs, string detail) => $"epoch {epoch}/{epochs} {detail}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
