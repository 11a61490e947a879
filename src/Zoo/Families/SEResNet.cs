// Squeeze-and-Excitation Networks — Hu, Shen, Albanie, Sun, Wu, arXiv:1709.01507.
// Variants: SE-ResNet-18/34/50, the ResNets of He et al. (arXiv:1512.03385, Table 1) with an SE block in every
// residual block. Sizes: shared/reference/architectures.md (the standard SE-ResNet: reduction 16, SE as two
// 1×1 convs with bias after the last BN of each residual branch).
//
// The SE block (Fig. 3, "SE-ResNet module") recalibrates the residual branch before the identity is added:
// global average pool → 1×1 conv C → C/16 → ReLU → 1×1 conv C/16 → C → sigmoid → channel-wise scale.
// Each block registers it as "se" with children fc1/fc2 (layer1.0.se.fc1.weight, …); everything else is
// torchvision's ResNet layout (see ResNet.cs). Small-input mode is the skeleton's: conv1 stride 1 (still 7×7,
// so the parameter count never changes) and no stem max-pool.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>SE-ResNets (Hu et al., arXiv:1709.01507): torchvision ResNets with a squeeze-excitation block per residual block.</summary>
public static class SEResNet
{
    /// <summary>The reduction ratio r of the SE bottleneck (§6.1: r = 16).</summary>
    public const int Reduction = 16;

    /// <summary>The SE block on a residual branch of C channels: C → C/16 → C, sigmoid gate, named "se".</summary>
    public static BlockAttention Attention { get; } =
        new("se", channels => new SqueezeExcite(channels, channels / Reduction, GateActivation.Sigmoid));

    /// <summary>SE-ResNet-18: BasicBlocks 2, 2, 2, 2 with SE (11,778,592 parameters at 1000 classes).</summary>
    [RegisteredModel("se_resnet18", "SEResNet", Description = "SE-ResNet-18, reduction 16")]
    public static ResNet SEResNet18(ModelOptions options) => new(options, 18, Attention);

    /// <summary>SE-ResNet-34: BasicBlocks 3, 4, 6, 3 with SE (21,958,868 parameters at 1000 classes).</summary>
    [RegisteredModel("se_resnet34", "SEResNet", Description = "SE-ResNet-34, reduction 16")]
    public static ResNet SEResNet34(ModelOptions options) => new(options, 34, Attention);

    /// <summary>SE-ResNet-50: Bottlenecks 3, 4, 6, 3 with SE on the 4× expanded output (28,088,024 parameters at 1000 classes).</summary>
    [RegisteredModel("se_resnet50", "SEResNet", Description = "SE-ResNet-50, reduction 16")]
    public static ResNet SEResNet50(ModelOptions options) => new(options, 50, Attention);
}
