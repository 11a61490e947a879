using ModelZoo.Zoo;

namespace ModelZoo.MLNetExtensions.Trainers;

/// <summary>ShuffleNetV1 (arXiv:1707.01083) in megvii's layout: <c>shufflenet_v1_g{Groups}_x{Width}</c>.</summary>
public sealed class ShuffleNetOptions : ClassifierTrainerOptions
{
    /// <summary>Groups of the pointwise convolutions: 1, 2, 3, 4 or 8.</summary>
    public int Groups = 3;

    /// <summary>Width multiplier: 0.5, 1.0, 1.5 or 2.0.</summary>
    public double Width = 1.0;

    /// <inheritdoc />
    public override string ArchitectureName() => ArchitectureNames.ShuffleNet(Groups, Width);
}

/// <summary>SqueezeNet (arXiv:1602.07360) in torchvision's layout: <c>squeezenet{Version}</c>.</summary>
public sealed class SqueezeNetOptions : ClassifierTrainerOptions
{
    /// <summary>"1_1" (the default; "1.1" also works), "1_0", "1_0_simple_bypass" or "1_0_complex_bypass".</summary>
    public string Version = "1_1";

    /// <inheritdoc />
    public override string ArchitectureName() => ArchitectureNames.SqueezeNet(Version);
}

/// <summary>
/// MobileNet V1 (arXiv:1704.04861), V2 (arXiv:1801.04381) or V3 (arXiv:1905.02244): <c>mobilenet_v1_x{Width}</c>,
/// <c>mobilenet_v2</c> or <c>mobilenet_v3_{Variant}</c>.
/// </summary>
public sealed class MobileNetOptions : ClassifierTrainerOptions
{
    /// <summary>1, 2 or 3.</summary>
    public int Version = 2;

    /// <summary>For version 3: "small" or "large" (null is "large"); versions 1 and 2 have none.</summary>
    public string? Variant;

    /// <summary>Width multiplier: 1.0, 0.75, 0.5 or 0.25 for version 1; any positive value for versions 2 and 3.</summary>
    public double Width = 1.0;

    /// <inheritdoc />
    public override string ArchitectureName() => ArchitectureNames.MobileNet(Version, Variant, Width);

    internal override double? WidthMultiplier() => ArchitectureNames.MobileNetWidthMultiplier(Version, Width);
}

/// <summary>SENet (arXiv:1709.01507): squeeze-and-excitation ResNets, <c>se_resnet{Depth}</c>.</summary>
public sealed class SENetOptions : ClassifierTrainerOptions
{
    /// <summary>18, 34 or 50 layers.</summary>
    public int Depth = 18;

    /// <inheritdoc />
    public override string ArchitectureName() => ArchitectureNames.SENet(Depth);
}
