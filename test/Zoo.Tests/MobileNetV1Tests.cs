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
    public void ImageNetSizesMatchTheReference(string name, long parameters, double mmacs) => MobileNetChecks.ImageNetSizes(name, parameters, mmacs);

    // Only the stem loses its stride: 32 → 32 → 16 → 8 → 4 → 2 (28 px: 28 → 14 → 7 → 4 → 2), as kuangliu's CIFAR MobileNet.
    [Theory, MemberData(nameof(Names))]
    public void SmallInputsKeepTheParametersAndGiveLogits(string name) => MobileNetChecks.SmallInputs(name, 2, 2);

    [Theory, MemberData(nameof(Names))]
    public void EveryParameterGetsAGradient(string name) => MobileNetChecks.EveryParameterGetsAGradient(name);

    [Theory, MemberData(nameof(Names))]
    public void OneSgdStepLowersTheLoss(string name) => MobileNetChecks.SgdStepLowersLoss(name, 0.05);

    [Theory, MemberData(nameof(Names))]
    public void InitializationIsTorchvisions(string name) => MobileNetChecks.InitializationIsTorchvisions(name);

    [Theory, MemberData(nameof(Names))]
    public void ResetClassifierChangesTheOutputWidth(string name) => MobileNetChecks.ResetClassifierChangesOutputWidth(name);

    [Fact]
    public void WidthMultiplierReplacesTheVariantsAlpha() =>
        MobileNetChecks.ImageNetSizes("mobilenet_v1_x0_25", 4_231_976, 568.7, new ModelOptions { WidthMultiplier = 1.0 });
}
