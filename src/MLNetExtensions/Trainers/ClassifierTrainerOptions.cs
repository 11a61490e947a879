using ModelZoo.Pipelines.Training;

namespace ModelZoo.MLNetExtensions.Trainers;

/// <summary>
/// What every architecture estimator trains with, as ML.NET's trainer <c>Options</c> classes: public fields of plain
/// values with sensible defaults. Defaults follow ModelZoo's training recipe (SGD with momentum, cosine schedule,
/// label smoothing 0.1).
/// </summary>
public abstract class ClassifierTrainerOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs = 10;

    /// <summary>Examples per optimizer step.</summary>
    public int BatchSize = 64;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer = OptimizerKind.Sgd;

    /// <summary>Peak learning rate; null is 0.05 for SGD and 1e-3 for Adam and AdamW.</summary>
    public double? LearningRate;

    /// <summary>Weight decay; null is 4e-5 for SGD, 0 for Adam and 0.05 for AdamW.</summary>
    public double? WeightDecay;

    /// <summary>Learning-rate schedule shape.</summary>
    public ScheduleKind Schedule = ScheduleKind.Cosine;

    /// <summary>Linear warm-up epochs (cosine schedule).</summary>
    public double WarmupEpochs;

    /// <summary>Label smoothing of the cross-entropy, in [0, 1).</summary>
    public double LabelSmoothing = 0.1;

    /// <summary>Data to validate on after every epoch (the epoch records then carry validation metrics); null for none.</summary>
    public IDataView? ValidationSet;

    /// <summary>Stop when a validation metric stops improving; needs <see cref="ValidationSet"/>. Null trains every epoch.</summary>
    public EarlyStopping? EarlyStopping;

    /// <summary>Folder for per-epoch checkpoints (the last five and the best); null writes none.</summary>
    public string? CheckpointDirectory;

    /// <summary>"auto", "cpu", "cuda" or "cuda:N"; null uses the context's device.</summary>
    public string? Device;

    /// <summary>Root of every random stream (weights, order, augmentation); null uses the context's seed.</summary>
    public int? Seed;

    /// <summary>Called after every epoch with its record (loss, accuracy, learning rate, validation metrics).</summary>
    public Action<EpochRecord>? ProgressCallback;

    /// <summary>Reported to after every epoch, for UIs that take an <see cref="IProgress{T}"/>.</summary>
    public IProgress<EpochRecord>? Progress;

    /// <summary>The registry name of the architecture these options describe, e.g. <c>mobilenet_v3_small</c>.</summary>
    /// <exception cref="ArgumentException">The combination of values names no architecture in the zoo.</exception>
    public abstract string ArchitectureName();

    /// <summary>A width multiplier the architecture applies on top of its registry name; null for none.</summary>
    internal virtual double? WidthMultiplier() => null;
}
