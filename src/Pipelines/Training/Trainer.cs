using System.Diagnostics;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Metrics;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>The loss became NaN or infinite: training stops and says where.</summary>
public sealed class TrainingDivergedException(string message) : InvalidOperationException(message);

/// <summary>What a finished (or early-stopped) run produced.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochRecord> History, ValidationMetrics? Validation, int BestEpoch, bool StoppedEarly)
{
    /// <summary>Every image skipped as unreadable in any epoch, once each, in the order first met.</summary>
    public IReadOnlyList<SkippedImage> SkippedImages => [.. History.SelectMany(epoch => epoch.SkippedImages).DistinctBy(image => image.Path)];
}

/// <summary>
/// The training engine: optimizer and schedule, label smoothing, gradient clipping, EMA, validation each
/// epoch, early stopping, atomic checkpoints (last K and the best) and exact resume. Every step runs in
/// its own dispose scope, so the live tensor count returns to its baseline after each step.
/// </summary>
public sealed class Trainer(TrainerOptions options)
{
    /// <summary>The configuration.</summary>
    public TrainerOptions Options { get; } = options.Validate();

    /// <summary>Raised after every optimizer step.</summary>
    public event Action<StepProgress>? StepCompleted;

    /// <summary>Raised after every epoch (with validation results when there is a validation set).</summary>
    public event Action<EpochRecord>? EpochCompleted;

    /// <summary>Raised when <c>Fit</c> returns or fails, so displays can close.</summary>
    public event Action? Finished;

    /// <summary>
    /// Trains <paramref name="model"/> (created by the caller after <c>torch.manual_seed(Options.Seed)</c>)
    /// on <paramref name="train"/>, validating on <paramref name="validation"/> when given. With
    /// <paramref name="resumeFrom"/>, continues from that checkpoint exactly as if never interrupted.
    /// </summary>
    public TrainingResult Fit(ClassificationModel model, IImageDataset train, IImageDataset? validation, Preprocessing preprocessing,
        string? resumeFrom = null, CancellationToken cancellation = default) =>
        Fit(model, new TrainingSet(train.Count, train.ClassNames, (augmentation, options) => new DataLoader(train, preprocessing, augmentation, options)),
            validation, preprocessing, resumeFrom, cancellation);

    /// <summary>
    /// Trains <paramref name="model"/> as the overload for a data set does, reading <paramref name="train"/> afresh for
    /// every pass (each epoch, and the batches precise BN recalibrates on), so memory stays bounded.
    /// </summary>
    public TrainingResult Fit(ClassificationModel model, IExampleStream train, IImageDataset? validation, Preprocessing preprocessing,
        string? resumeFrom = null, CancellationToken cancellation = default) =>
        Fit(model, new TrainingSet(train.Count, train.ClassNames, (augmentation, options) => new DataLoader(train, preprocessing, augmentation, options)),
            validation, preprocessing, resumeFrom, cancellation);

    /// <summary>What the engine needs of a training set: its size, its classes, and loaders over it.</summary>
    private sealed record TrainingSet(int Count, IReadOnlyList<string> ClassNames, Func<Augmentation, LoaderOptions, DataLoader> Loader);

    private TrainingResult Fit(ClassificationModel model, TrainingSet train, IImageDataset? validation, Preprocessing preprocessing,
        string? resumeFrom, CancellationToken cancellation)
    {
        try
        {
            return FitCore(model, train, validation, preprocessing, resumeFrom, cancellation);
        }
        finally
        {
            Finished?.Invoke();
        }
    }

    private TrainingResult FitCore(ClassificationModel model, TrainingSet train, IImageDataset? validation, Preprocessing preprocessing,
        string? resumeFrom, CancellationToken cancellation)
    {
        if (train.Count == 0) throw new ArgumentException("the training set is empty");
        if (train.ClassNames.Count != model.NumClasses)
            throw new ArgumentException($"the training set has {train.ClassNames.Count} classes but the model predicts {model.NumClasses}");
        if (preprocessing.Channels != model.Options.InChannels)
            throw new ArgumentException($"the preprocessing gives {preprocessing.Channels} channel(s) but the model takes {model.Options.InChannels}");
        if (preprocessing.InputSize < model.MinimumInputSize)
            throw new ArgumentException(
                $"the preprocessing gives {preprocessing.InputSize} px images but the model needs at least {model.MinimumInputSize} px");
        if (Options.EarlyStopping is not null && validation is null)
            throw new ArgumentException("early stopping needs a validation set");
        if (Options.Threads is { } threads) ThreadPolicy.Apply(threads);
        var device = Options.ResolveDevice();
        CpuAllocator.ApplyDefault(); // every step frees and re-allocates the same activations
        if (Options.CheckpointDirectory is { } directory) CheckpointStore.EnsureWritable(directory);

        model.to(device);
        var memoryFormat = Options.MemoryFormat ?? MemoryFormats.Preferred(device);
        model.to(memoryFormat);
        using var optimizer = OptimizerFactory.Create(model, Options);
        using var ema = Options.EmaDecay is { } decay ? new WeightAverage(model, decay) : null;
        var loader = train.Loader(Options.Augmentation, new LoaderOptions
        {
            BatchSize = Options.BatchSize,
            Shuffle = true,
            DropLast = train.Count > Options.BatchSize,
            Seed = Options.Seed,
            Training = true,
            MemoryFormat = memoryFormat,
            Prefetch = Options.Prefetch,
            Workers = Options.Workers,
            BadImages = Options.BadImages,
        });
        List<SkippedImage> skipped = [];
        loader.ImageSkipped += skipped.Add;
        // Precise BN sees un-augmented training images, in an order of its own per epoch.
        var calibration = train.Loader(Augmentation.None, new LoaderOptions
        {
            BatchSize = Options.BatchSize,
            Shuffle = true,
            Seed = Options.Seed + 1,
            MemoryFormat = memoryFormat,
            Prefetch = Options.Prefetch,
            Workers = Options.Workers,
            BadImages = Options.BadImages,
        });
        var learningRate = Options.EffectiveLearningRate;
        var schedule = new LearningRateSchedule
        {
            Kind = Options.Schedule,
            BaseLearningRate = learningRate,
            MinLearningRate = learningRate * Options.MinLearningRateFraction,
            WarmupEpochs = Options.WarmupEpochs,
        };
        var stepsPerEpoch = loader.BatchesPerEpoch;
        var totalSteps = (long)stepsPerEpoch * Options.Epochs;
        var checkpoints = Options.CheckpointDirectory is { } dir ? new CheckpointStore(dir, Options.KeepCheckpoints, train.ClassNames, preprocessing) : null;
        var state = resumeFrom is null
            ? new RunState()
            : CheckpointStore.Restore(resumeFrom, model, optimizer, ema);

        ValidationMetrics? lastValidation = null;
        for (var epoch = state.CompletedEpochs + 1; epoch <= Options.Epochs && !state.StoppedEarly; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var record = TrainEpoch(model, optimizer, ema, loader, schedule, epoch, stepsPerEpoch, totalSteps, device, cancellation);
            if (Options.PreciseBatchNormBatches > 0)
                PreciseBatchNorm.Recalibrate(model, calibration.Epoch(epoch, cancellation), Options.PreciseBatchNormBatches, device);
            if (validation is not null)
            {
                using var averaged = ema?.Swap(model);
                lastValidation = Evaluator.Evaluate(model, validation, preprocessing, Math.Max(Options.BatchSize, 64), Options.TopK, device, memoryFormat, cancellation,
                    Options.BadImages == BadImagePolicy.Skip ? skipped : null, Options.Workers);
                record = record with
                {
                    ValidationLoss = lastValidation.Loss,
                    ValidationAccuracy = lastValidation.Accuracy,
                    ValidationTopKAccuracy = lastValidation.TopKAccuracy,
                };
            }
            record = record with { SkippedImages = [.. skipped] };
            skipped.Clear();
            state = state.After(record, Options.EarlyStopping);
            checkpoints?.Save(state, model, optimizer, ema, isBest: state.BestEpoch == epoch);
            EpochCompleted?.Invoke(record);
        }
        if (ema is not null) ema.CopyTo(model);
        return new TrainingResult(state.History, lastValidation, state.BestEpoch, state.StoppedEarly);
    }

    private EpochRecord TrainEpoch(ClassificationModel model, optim.Optimizer optimizer, WeightAverage? ema, DataLoader loader,
        LearningRateSchedule schedule, int epoch, int stepsPerEpoch, long totalSteps, Device device, CancellationToken cancellation)
    {
        model.train();
        var trainingStep = new TrainingStep(model, optimizer, Options.LabelSmoothing, Options.GradientClipNorm);
        var clock = Stopwatch.StartNew();
        double lossSum = 0, learningRate = 0;
        long correct = 0, seen = 0;
        var step = 0;
        foreach (var batch in loader.Epoch(epoch, cancellation))
        {
            using var scope = torch.NewDisposeScope();
            using var _ = batch;
            var globalStep = (long)(epoch - 1) * stepsPerEpoch + step;
            learningRate = schedule.At(globalStep, stepsPerEpoch, totalSteps);
            OptimizerFactory.SetLearningRate(optimizer, learningRate);

            var input = batch.Input.to(device);
            var target = batch.Target.to(device);
            var stepNumber = step + 1;
            var (lossValue, logits) = trainingStep.Run(input, target, loss =>
                new TrainingDivergedException($"training diverged: the loss is {loss} at epoch {epoch}, step {stepNumber} (try a lower learning rate)"));
            ema?.Update(model);

            var hits = logits.argmax(1).cpu().eq(batch.Labels).sum().ToInt64();
            correct += hits;
            seen += batch.Count;
            lossSum += lossValue * batch.Count;
            step++;
            StepCompleted?.Invoke(new StepProgress(epoch, step, stepsPerEpoch, lossValue, (double)hits / batch.Count,
                learningRate, seen / Math.Max(1e-9, clock.Elapsed.TotalSeconds)));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new EpochRecord
        {
            Epoch = epoch,
            TrainLoss = lossSum / Math.Max(1, seen),
            TrainAccuracy = (double)correct / Math.Max(1, seen),
            LearningRate = learningRate,
            Seconds = seconds,
            ImagesPerSecond = seen / Math.Max(1e-9, seconds),
        };
    }
}
