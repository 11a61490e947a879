using System.Globalization;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// How a family of architectures is trained from scratch when the user sets nothing: optimizer, peak learning rate,
/// weight decay, schedule, warm-up, label smoothing, augmentation and batch size. <see cref="TrainingRecipes"/> holds
/// one per family, each chosen by measurement; every explicit setting of the user replaces its value unchanged.
/// </summary>
public sealed record TrainingRecipe
{
    /// <summary>The family the recipe is for, e.g. <c>MobileNetV2</c>, or <c>default</c>.</summary>
    public required string Family { get; init; }
    /// <summary>The optimizer.</summary>
    public required OptimizerKind Optimizer { get; init; }
    /// <summary>Peak learning rate at <see cref="BatchSize"/>, for <see cref="Optimizer"/> only.</summary>
    public required double LearningRate { get; init; }
    /// <summary>Weight decay (decoupled for AdamW), for <see cref="Optimizer"/> only; never on norms and biases.</summary>
    public required double WeightDecay { get; init; }
    /// <summary>Schedule shape.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Cosine;
    /// <summary>Linear warm-up epochs.</summary>
    public double WarmupEpochs { get; init; } = 1;
    /// <summary>Label smoothing of the cross-entropy.</summary>
    public double LabelSmoothing { get; init; } = 0.1;
    /// <summary>Training-time augmentation.</summary>
    public required Augmentation Augmentation { get; init; }
    /// <summary>Images per optimizer step.</summary>
    public int BatchSize { get; init; } = 128;
    /// <summary>
    /// The largest share of a run a recipe's warm-up takes: with one warm-up epoch in a two-epoch run the rate would
    /// climb for half the run and decay for the other half only; a fifth leaves most of a short run to the schedule.
    /// </summary>
    public const double MaxWarmupFraction = 0.2;

    /// <summary>What measurement chose the values (shown by <c>modelzoo recipes</c> and in docs/accuracy.md).</summary>
    public string Evidence { get; init; } = "";

    /// <summary>One line such as <c>sgd lr 0.1, weight decay 5e-4, cosine, 1 warm-up epoch, label smoothing 0.1, batch 128, augment hflip</c>.</summary>
    public override string ToString() =>
        Describe(Optimizer, LearningRate, WeightDecay, Schedule, WarmupEpochs, LabelSmoothing, BatchSize, Augmentation);

    /// <summary>The one-line form of a training configuration, shared by recipes and the settings a run actually used.</summary>
    public static string Describe(OptimizerKind optimizer, double learningRate, double weightDecay, ScheduleKind schedule,
        double warmupEpochs, double labelSmoothing, int batchSize, Augmentation augmentation)
    {
        var c = CultureInfo.InvariantCulture;
        var warmup = warmupEpochs == 1 ? "1 warm-up epoch" : string.Create(c, $"{warmupEpochs:0.##} warm-up epochs");
        return string.Create(c,
            $"{optimizer.ToString().ToLowerInvariant()} lr {learningRate:0.#####}, weight decay {weightDecay:0.#####}, {schedule.ToString().ToLowerInvariant()}, " +
            $"{warmup}, label smoothing {labelSmoothing:0.##}, batch {batchSize}, augment {augmentation.Describe()}");
    }
}
