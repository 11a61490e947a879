using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// The training recipe of every family, in one place: what <c>modelzoo train</c>, <c>modelzoo compare</c> and the ML.NET
/// trainers use for each setting the user leaves unset. The values were chosen by measurement on Fashion-MNIST
/// (28 px, small-input mode) on a 2-core CPU; docs/accuracy.md lists the runs. They are the from-scratch recipes of
/// the field (SGD with Nesterov-free momentum 0.9 and cosine decay for batch-normed networks, as torchvision's and
/// timm's CIFAR-style recipes; a gentler Adam-family rate for SqueezeNet, which has no batch norm) with the rates the
/// measurements picked.
/// </summary>
public static class TrainingRecipes
{
    // Measured: mobilenet_v1_x0_5, 10,000 Fashion-MNIST images, 3 epochs, batch 128, 1 warm-up epoch: SGD 0.1 (wd 5e-4)
    // 0.848 top-1 on 2,000 test images; AdamW 2e-3 0.806; AdamW 4e-3 0.845.
    private static readonly TrainingRecipe BatchNormed = new()
    {
        Family = "default",
        Optimizer = OptimizerKind.Sgd,
        LearningRate = 0.1,
        WeightDecay = 5e-4,
        Augmentation = new Augmentation { HorizontalFlip = true },
        Evidence = "mobilenet_v1_x0_5, 10k Fashion-MNIST images, 3 epochs: SGD 0.1 0.848, AdamW 2e-3 0.806, AdamW 4e-3 0.845 top-1",
    };

    private static readonly IReadOnlyDictionary<string, TrainingRecipe> ByFamily = new Dictionary<string, TrainingRecipe>(StringComparer.OrdinalIgnoreCase)
    {
        ["MobileNetV1"] = BatchNormed with { Family = "MobileNetV1" },
        ["MobileNetV2"] = BatchNormed with { Family = "MobileNetV2" },
        ["MobileNetV3"] = BatchNormed with { Family = "MobileNetV3" },
        ["ShuffleNetV1"] = BatchNormed with { Family = "ShuffleNetV1" },
        // No batch norm: nothing rescales activations, so SGD at a batch-normed network's rate kills its ReLUs (measured:
        // AdamW 1e-3 without warm-up stayed at chance). Adam-family rates with a warm-up train it.
        ["SqueezeNet"] = new TrainingRecipe
        {
            Family = "SqueezeNet",
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 1e-3,
            WeightDecay = 0.05,
            Augmentation = new Augmentation { HorizontalFlip = true },
            Evidence = "squeezenet1_1, 10k Fashion-MNIST images, 3 epochs: AdamW 1e-3 0.773 top-1",
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
