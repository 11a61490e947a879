using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>The optimizers the trainer offers.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with (Nesterov) momentum.</summary>
    Sgd,
    /// <summary>Adam (L2 weight decay).</summary>
    Adam,
    /// <summary>AdamW (decoupled weight decay).</summary>
    AdamW,
}

/// <summary>Stop when a validation metric stops improving (ML.NET's early-stopping criteria).</summary>
public sealed record EarlyStopping
{
    /// <summary>"accuracy" (higher is better) or "loss" (lower is better).</summary>
    public string Metric { get; init; } = "accuracy";
    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; init; } = 3;
    /// <summary>Smallest change that counts as improvement.</summary>
    public double MinDelta { get; init; }
}

/// <summary>Everything a training run is configured by; defaults follow the seeds (label smoothing 0.1, cosine schedule).</summary>
public sealed record TrainerOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;
    /// <summary>Examples per optimizer step.</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;
    /// <summary>Peak learning rate; null = 0.05 for SGD (seed 000), 1e-3 for Adam/AdamW (seed 003).</summary>
    public double? LearningRate { get; init; }
    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>Nesterov momentum (SGD).</summary>
    public bool Nesterov { get; init; }
    /// <summary>Weight decay; null = 4e-5 for SGD (seed 000), 0 for Adam, 0.05 for AdamW.</summary>
    public double? WeightDecay { get; init; }
    /// <summary>No weight decay on batch-norm parameters and biases (timm's default).</summary>
    public bool NoDecayOnNormAndBias { get; init; } = true;
    /// <summary>Schedule shape.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Cosine;
    /// <summary>Linear warm-up epochs (cosine).</summary>
    public double WarmupEpochs { get; init; }
    /// <summary>Final learning rate as a fraction of the peak (cosine; seed 000: 0.0005 / 0.05).</summary>
    public double MinLearningRateFraction { get; init; } = 0.01;
    /// <summary>Label smoothing of the cross-entropy (seed 000: 0.1).</summary>
    public double LabelSmoothing { get; init; } = 0.1;
    /// <summary>Clip the global gradient norm to this value (null = off).</summary>
    public double? GradientClipNorm { get; init; }
    /// <summary>Keep an exponential moving average of the weights with this decay and evaluate with it (null = off).</summary>
    public double? EmaDecay { get; init; }
    /// <summary>Stop early on a validation metric (needs a validation set; null = off).</summary>
    public EarlyStopping? EarlyStopping { get; init; }
    /// <summary>Where checkpoints go (null = none).</summary>
    public string? CheckpointDirectory { get; init; }
    /// <summary>Per-epoch checkpoints kept (the best is kept apart).</summary>
    public int KeepCheckpoints { get; init; } = 5;
    /// <summary>Training augmentation.</summary>
    public Augmentation Augmentation { get; init; } = Augmentation.Standard;
    /// <summary>cpu, cuda, cuda:N or auto (CUDA when available).</summary>
    public string Device { get; init; } = "auto";
    /// <summary>Intra-op threads (null = ModelZoo's default: every logical processor).</summary>
    public int? Threads { get; init; }
    /// <summary>Root of every random stream: weights, order, augmentation, dropout.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Layout of activations and weights; null picks the device's fastest (<see cref="MemoryFormats.Preferred"/>).</summary>
    public MemoryFormat? MemoryFormat { get; init; }
    /// <summary>Batches prepared in the background.</summary>
    public int Prefetch { get; init; } = 4;
    /// <summary>Loader threads (0 = build batches on the training thread).</summary>
    public int Workers { get; init; } = 2;
    /// <summary>
    /// An image that cannot be read (corrupt, truncated, not an image): skipped (left out of its batch and listed in
    /// <see cref="EpochRecord.SkippedImages"/>), or training stops with an error naming the file.
    /// </summary>
    public BadImagePolicy BadImages { get; init; } = BadImagePolicy.Skip;
    /// <summary>
    /// Training batches (without augmentation) over which batch-norm statistics are recomputed after every
    /// epoch ("precise BN"; 0 = off). Short runs need it: the running averages lag behind the weights.
    /// </summary>
    public int PreciseBatchNormBatches { get; init; } = 50;
    /// <summary>K of the top-K accuracy in validation.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>
    /// The learning rate in force. The engine's defaults are per optimizer only; the per-family recipes
    /// (<see cref="TrainingRecipes"/>) are applied before, where the user's settings are gathered.
    /// </summary>
    public double EffectiveLearningRate => LearningRate ?? (Optimizer == OptimizerKind.Sgd ? 0.05 : 1e-3);

    /// <summary>The weight decay in force.</summary>
    public double EffectiveWeightDecay => WeightDecay ?? Optimizer switch
    {
        OptimizerKind.Sgd => 4e-5,
        OptimizerKind.AdamW => 0.05,
        _ => 0,
    };

    /// <summary>The training recipe in force, on one line (as <see cref="TrainingRecipe.ToString"/> writes a recipe).</summary>
    public string DescribeRecipe() => TrainingRecipe.Describe(Optimizer, EffectiveLearningRate, EffectiveWeightDecay, Schedule,
        WarmupEpochs, LabelSmoothing, BatchSize, Augmentation);

    /// <summary>The device in force (<see cref="DevicePolicy.Resolve"/>).</summary>
    /// <exception cref="ArgumentException">An unknown device, or CUDA asked for where there is none.</exception>
    public Device ResolveDevice() => DevicePolicy.Resolve(Device);

    /// <summary>Throws naming the first setting that makes no sense.</summary>
    public TrainerOptions Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs must be at least 1, got {Epochs}");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        if (EffectiveLearningRate <= 0) throw new ArgumentException($"learning rate must be positive, got {EffectiveLearningRate}");
        if (LabelSmoothing is < 0 or >= 1) throw new ArgumentException($"label smoothing must be in [0, 1), got {LabelSmoothing}");
        if (EmaDecay is <= 0 or >= 1) throw new ArgumentException($"EMA decay must be in (0, 1), got {EmaDecay}");
        if (GradientClipNorm is <= 0) throw new ArgumentException($"gradient clip norm must be positive, got {GradientClipNorm}");
        if (KeepCheckpoints < 1) throw new ArgumentException($"keep-checkpoints must be at least 1, got {KeepCheckpoints}");
        if (EarlyStopping is { Metric: not ("accuracy" or "loss") })
            throw new ArgumentException($"early stopping metric must be accuracy or loss, got {EarlyStopping.Metric}");
        ResolveDevice();
        return this;
    }
}
