using System.Globalization;
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
    public override string ArchitectureName()
    {
        int[] groups = [1, 2, 3, 4, 8];
        double[] widths = [0.5, 1.0, 1.5, 2.0];
        if (!groups.Contains(Groups) || !widths.Contains(Width))
            throw new ArgumentException(
                $"ShuffleNet comes with groups 1, 2, 3, 4 or 8 and width 0.5, 1.0, 1.5 or 2.0; got groups {Groups}, width {Architectures.Format(Width)}");
        return Architectures.Require($"shufflenet_v1_g{Groups}_x{Architectures.Suffix(Width)}");
    }
}

/// <summary>SqueezeNet (arXiv:1602.07360) in torchvision's layout: <c>squeezenet{Version}</c>.</summary>
public sealed class SqueezeNetOptions : ClassifierTrainerOptions
{
    private static readonly string[] Versions = ["1_0", "1_1", "1_0_simple_bypass", "1_0_complex_bypass"];

    /// <summary>"1_1" (the default; "1.1" also works), "1_0", "1_0_simple_bypass" or "1_0_complex_bypass".</summary>
    public string Version = "1_1";

    /// <inheritdoc />
    public override string ArchitectureName()
    {
        var version = (Version ?? "").Trim().ToLowerInvariant().Replace('.', '_').Replace('-', '_');
        if (!Versions.Contains(version))
            throw new ArgumentException($"SqueezeNet comes in versions {string.Join(", ", Versions)}; got '{Version}'");
        return Architectures.Require("squeezenet" + version);
    }
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
    public override string ArchitectureName()
    {
        if (!(Width > 0)) throw new ArgumentException($"MobileNet width must be positive, got {Architectures.Format(Width)}");
        if (Version is 1 or 2 && Variant is not null)
            throw new ArgumentException($"MobileNetV{Version} has no variants; got variant '{Variant}' (only version 3 has 'small' and 'large')");
        switch (Version)
        {
            case 1:
                double[] widths = [1.0, 0.75, 0.5, 0.25];
                if (!widths.Contains(Width))
                    throw new ArgumentException($"MobileNetV1 comes with width 1.0, 0.75, 0.5 or 0.25; got {Architectures.Format(Width)}");
                return Architectures.Require("mobilenet_v1_x" + Architectures.Suffix(Width));
            case 2:
                return Architectures.Require("mobilenet_v2");
            case 3:
                var variant = (Variant ?? "large").Trim().ToLowerInvariant();
                if (variant is not ("small" or "large"))
                    throw new ArgumentException($"MobileNetV3 comes in variants 'small' and 'large'; got '{Variant}'");
                return Architectures.Require("mobilenet_v3_" + variant);
            default:
                throw new ArgumentException($"MobileNet comes in versions 1, 2 and 3; got version {Version}");
        }
    }

    internal override double? WidthMultiplier() => Version is 2 or 3 && Width != 1.0 ? Width : null;
}

/// <summary>SENet (arXiv:1709.01507): squeeze-and-excitation ResNets, <c>se_resnet{Depth}</c>.</summary>
public sealed class SENetOptions : ClassifierTrainerOptions
{
    /// <summary>18, 34 or 50 layers.</summary>
    public int Depth = 18;

    /// <inheritdoc />
    public override string ArchitectureName() => Depth is 18 or 34 or 50
        ? Architectures.Require($"se_resnet{Depth}")
        : throw new ArgumentException($"SENet comes with depth 18, 34 or 50; got {Depth}");
}

/// <summary>Registry names from option values.</summary>
internal static class Architectures
{
    /// <summary>1.0 → "1_0", 0.75 → "0_75", as the registry spells width multipliers.</summary>
    internal static string Suffix(double width) => Format(width).Replace('.', '_');

    internal static string Format(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    /// <summary>The name, after checking the zoo has it (a mapping that names nothing is a bug here, not the caller's).</summary>
    internal static string Require(string name) => ModelRegistry.Default.Contains(name)
        ? name
        : throw new InvalidOperationException($"the zoo has no '{name}'; the option mapping is out of date");
}
