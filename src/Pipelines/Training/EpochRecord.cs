using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Training;

/// <summary>One epoch of a training run, kept for progress displays, curves and reports.</summary>
public sealed record EpochRecord
{
    /// <summary>1-based epoch number.</summary>
    public int Epoch { get; init; }
    /// <summary>Mean training loss (the criterion, e.g. with label smoothing).</summary>
    public double TrainLoss { get; init; }
    /// <summary>Training top-1 accuracy on the augmented batches.</summary>
    public double TrainAccuracy { get; init; }
    /// <summary>Validation loss, when a validation set was given.</summary>
    public double? ValidationLoss { get; init; }
    /// <summary>Validation top-1 accuracy, when a validation set was given.</summary>
    public double? ValidationAccuracy { get; init; }
    /// <summary>Validation top-K accuracy, when a validation set was given.</summary>
    public double? ValidationTopKAccuracy { get; init; }
    /// <summary>Learning rate at the epoch's last step.</summary>
    public double LearningRate { get; init; }
    /// <summary>Wall-clock seconds of the epoch's training steps.</summary>
    public double Seconds { get; init; }
    /// <summary>Training images per second.</summary>
    public double ImagesPerSecond { get; init; }
    /// <summary>
    /// Examples left out this epoch because their image could not be read (<see cref="BadImagePolicy.Skip"/>):
    /// the training set's in batch order, then the validation set's.
    /// </summary>
    public IReadOnlyList<SkippedImage> SkippedImages { get; init; } = [];
}

/// <summary>Reported after every optimizer step.</summary>
public sealed record StepProgress(int Epoch, int Step, int StepsPerEpoch, double Loss, double Accuracy, double LearningRate, double ImagesPerSecond);
