namespace ModelZoo.Zoo.Tests;

/// <summary>MobileNetV1 at the four widths of the paper, against shared/reference/architectures.md.</summary>
public sealed class MobileNetV1Tests
{
    /// <summary>Registry name, parameters and conv+FC MMACs at 1000 classes, 3×224×224.</summary>
    public static TheoryData<string, long, double> Variants => new()
    {
        { "mobilenet_v1_x1_0", 4_231_976, 568.7 },
        { "mobilenet_v1_x0_75", 2_585_560, 325.4 },
        { "mobilenet_v1_x0_5", 1_331_592, 149.5 },
        { "mobilenet_v1_x0_25", 470_072, 41.0 },
    };

    /// <summary>Registry names.</summary>
    public static TheoryData<string> Names => new(Variants.Select(row => (string)row[0]));

    [Theory, MemberData(nameof(Variants))]
    public void ImageNetSizesMatchTheReference(string name, long parameters, double mmacs) => ModelChecks.ImageNetSizes(name, parameters, mmacs);

    // Only the stem loses its stride: 32 → 32 → 16 → 8 → 4 → 2 (28 px: 28 → 14 → 7 → 4 → 2), as kuangliu's CIFAR MobileNet.
    [Theory, MemberData(nameof(Names))]
    public void SmallInputsEndAtTwoByTwo(string name) => ModelChecks.SmallInputFeatureMap(name, 2, 2);

    [Theory, MemberData(nameof(Names))]
    public void InitializationIsTorchvisions(string name) => ModelChecks.InitializationIsTorchvisionsMobileNet(name);

    [Theory, MemberData(nameof(Names))]
    public void ResetClassifierStartsWithZeroBias(string name) => ModelChecks.ResetClassifierStartsWithZeroBias(name);

    [Fact]
    public void ResetClassifierReplacesClassifierOne() => ModelChecks.ResetClassifierReplacesTheLinear("mobilenet_v1_x0_25", "classifier.1");

    [Fact]
    public void WidthMultiplierReplacesTheVariantsAlpha() =>
        ModelChecks.ImageNetSizes("mobilenet_v1_x0_25", 4_231_976, 568.7, new ModelOptions { WidthMultiplier = 1.0 });
}
