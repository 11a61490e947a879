using System.Globalization;

namespace ModelZoo.Zoo;

/// <summary>
/// Registry names from the parameters users know the families by (groups and width, version, depth), shared by
/// every front end that offers <c>ShuffleNet(...)</c>, <c>SqueezeNet(...)</c>, <c>MobileNet(...)</c> and <c>SENet(...)</c>.
/// Each method throws <see cref="ArgumentException"/> naming the values the family comes with.
/// </summary>
public static class ArchitectureNames
{
    /// <summary>ShuffleNetV1 (arXiv:1707.01083), megvii's layout: <c>shufflenet_v1_g{groups}_x{width}</c>.</summary>
    public static string ShuffleNet(int groups, double width)
    {
        int[] allGroups = [1, 2, 3, 4, 8];
        double[] widths = [0.5, 1.0, 1.5, 2.0];
        if (!allGroups.Contains(groups) || !widths.Contains(width))
            throw new ArgumentException(
                $"ShuffleNet comes with groups 1, 2, 3, 4 or 8 and width 0.5, 1.0, 1.5 or 2.0; got groups {groups}, width {Format(width)}");
        return Require($"shufflenet_v1_g{groups}_x{Suffix(width)}");
    }

    /// <summary>SqueezeNet (arXiv:1602.07360), torchvision's layout: "1_1" ("1.1" also works), "1_0", "1_0_simple_bypass" or "1_0_complex_bypass".</summary>
    public static string SqueezeNet(string version)
    {
        string[] versions = ["1_0", "1_1", "1_0_simple_bypass", "1_0_complex_bypass"];
        var normalized = (version ?? "").Trim().ToLowerInvariant().Replace('.', '_').Replace('-', '_');
        if (!versions.Contains(normalized))
            throw new ArgumentException($"SqueezeNet comes in versions {string.Join(", ", versions)}; got '{version}'");
        return Require("squeezenet" + normalized);
    }

    /// <summary>
    /// MobileNet V1 (arXiv:1704.04861) <c>mobilenet_v1_x{width}</c>, V2 (arXiv:1801.04381) <c>mobilenet_v2</c> or
    /// V3 (arXiv:1905.02244) <c>mobilenet_v3_{variant}</c> ("small" or "large"; null is "large").
    /// V1 has widths 1.0, 0.75, 0.5 and 0.25 as separate models; V2 and V3 take any positive width as
    /// <see cref="MobileNetWidthMultiplier"/>.
    /// </summary>
    public static string MobileNet(int version, string? variant, double width)
    {
        if (!(width > 0)) throw new ArgumentException($"MobileNet width must be positive, got {Format(width)}");
        if (version is 1 or 2 && variant is not null)
            throw new ArgumentException($"MobileNetV{version} has no variants; got variant '{variant}' (only version 3 has 'small' and 'large')");
        switch (version)
        {
            case 1:
                double[] widths = [1.0, 0.75, 0.5, 0.25];
                if (!widths.Contains(width))
                    throw new ArgumentException($"MobileNetV1 comes with width 1.0, 0.75, 0.5 or 0.25; got {Format(width)}");
                return Require("mobilenet_v1_x" + Suffix(width));
            case 2:
                return Require("mobilenet_v2");
            case 3:
                var normalized = (variant ?? "large").Trim().ToLowerInvariant();
                if (normalized is not ("small" or "large"))
                    throw new ArgumentException($"MobileNetV3 comes in variants 'small' and 'large'; got '{variant}'");
                return Require("mobilenet_v3_" + normalized);
            default:
                throw new ArgumentException($"MobileNet comes in versions 1, 2 and 3; got version {version}");
        }
    }

    /// <summary>The <see cref="ModelOptions.WidthMultiplier"/> a MobileNet V2/V3 of <paramref name="width"/> is built with (null for V1, whose widths are separate models).</summary>
    public static double? MobileNetWidthMultiplier(int version, double width) => version is 2 or 3 && width != 1.0 ? width : null;

    /// <summary>SENet (arXiv:1709.01507): squeeze-and-excitation ResNets <c>se_resnet{depth}</c>, depth 18, 34 or 50.</summary>
    public static string SENet(int depth) => depth is 18 or 34 or 50
        ? Require($"se_resnet{depth}")
        : throw new ArgumentException($"SENet comes with depth 18, 34 or 50; got {depth}");

    /// <summary>1.0 → "1_0", 0.75 → "0_75", as the registry spells width multipliers.</summary>
    private static string Suffix(double width) => Format(width).Replace('.', '_');

    private static string Format(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    /// <summary>The name, after checking the zoo has it (a mapping that names nothing is a bug here, not the caller's).</summary>
    private static string Require(string name) => ModelRegistry.Default.Contains(name)
        ? name
        : throw new InvalidOperationException($"the zoo has no '{name}'; the name mapping is out of date");
}
