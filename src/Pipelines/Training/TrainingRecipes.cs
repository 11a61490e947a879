using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// The training recipe of every family, in one place: what <c>modelzoo train</c>, <c>modelzoo compare</c> and the ML.NET
/// trainers use for each setting the user leaves unset. The values were chosen by measurement on Fashion-MNIST
/// (28 px, small-input mode, batch 128, 1 warm-up epoch, cosine) on a 2-core CPU; each recipe's Evidence says which,
/// and docs/accuracy.md has the full-data runs made with them.
/// </summary>
public static class TrainingRecipes
{
    // Batch-normed networks: AdamW at 4e-3 (decoupled decay 0.05, none on norms and biases) trained the slow starters
    // far faster than SGD and the others as well as SGD, on 10,000 images for 3 epochs, tested on 2,000:
    // shufflenet_v1_g3_x0_5 SGD 0.1 0.750 against AdamW 4e-3 0.889; mobilenet_v1_x0_5 SGD 0.1 0.848, AdamW 4e-3 0.845,
    // AdamW 2e-3 0.806. Flips only: clothes are mirror-symmetric, and short runs of small networks underfit before they
    // overfit.
    private static readonly TrainingRecipe BatchNormed = new()
    {
        Family = "default",
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 4e-3,
        WeightDecay = 0.05,
        Augmentation = new Augmentation { HorizontalFlip = true },
        Evidence = "10k Fashion-MNIST images, 3 epochs, 2k test: shufflenet_v1_g3_x0_5 AdamW 4e-3 0.889 vs SGD 0.1 0.750; " +
                   "mobilenet_v1_x0_5 AdamW 4e-3 0.845, SGD 0.1 0.848, AdamW 2e-3 0.806",
    };

    private static readonly IReadOnlyDictionary<string, TrainingRecipe> ByFamily = new Dictionary<string, TrainingRecipe>(StringComparer.OrdinalIgnoreCase)
    {
        ["MobileNetV1"] = BatchNormed with { Family = "MobileNetV1" },
        ["MobileNetV2"] = BatchNormed with { Family = "MobileNetV2" },
        ["MobileNetV3"] = BatchNormed with { Family = "MobileNetV3" },
        ["ShuffleNetV1"] = BatchNormed with { Family = "ShuffleNetV1" },
        // No batch norm: nothing rescales activations, so SGD at a batch-normed network's rate kills its ReLUs, and so does
        // AdamW at 6e-3; AdamW with a warm-up trains it. Its first epoch sits on a plateau whose length varies, and more,
        // smaller steps leave it sooner: batch 32 at 2e-3 beat batch 64 and 128 at 3e-3 over the same 40,000 images, at the
        // same images/s on a CPU. It stays close to the edge: a cliff lies at twice the rate.
        ["SqueezeNet"] = new TrainingRecipe
        {
            Family = "SqueezeNet",
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 2e-3,
            WeightDecay = 0.05,
            BatchSize = 32,
            Augmentation = new Augmentation { HorizontalFlip = true },
            Evidence = "squeezenet1_1, 10k Fashion-MNIST images, 4 epochs, 1k test: batch 32 AdamW 2e-3 0.871 (seed 2: 0.856), " +
                       "batch 64 3e-3 0.849, batch 128 3e-3 0.826, batch 128 6e-3 at chance (0.107); " +
                       "3 epochs, 2k test, no augmentation: AdamW 1e-3 0.773, SGD 0.02 at chance (0.100)",
        },
        // ResNet backbones with 11M+ parameters overfit 60,000 small images first: crop and flip.
        ["SEResNet"] = BatchNormed with { Family = "SEResNet", Augmentation = Augmentation.Standard },
        ["CbamResNet"] = BatchNormed with { Family = "CbamResNet", Augmentation = Augmentation.Standard },
    };

    /// <summary>Every family's recipe, for listings.</summary>
    public static IReadOnlyCollection<TrainingRecipe> All => [.. ByFamily.Values];

    /// <summary>The recipe of a family (<see cref="ModelEntry.Family"/>); batch-normed families without their own get the batch-norm default.</summary>
    public static TrainingRecipe ForFamily(string family) =>
        ByFamily.TryGetValue(family, out var recipe) ? recipe : BatchNormed with { Family = family };

    /// <summary>The recipe of a registered architecture's family.</summary>
    /// <exception cref="ArgumentException">The architecture is not registered.</exception>
    public static TrainingRecipe For(string architecture) => ForFamily(ModelRegistry.Default.Get(architecture).Family);
}
