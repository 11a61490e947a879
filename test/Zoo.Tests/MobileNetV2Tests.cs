namespace ModelZoo.Zoo.Tests;

/// <summary>MobileNetV2 against torchvision 0.14 and shared/reference/architectures.md.</summary>
public sealed class MobileNetV2Tests
{
    private const string Name = "mobilenet_v2";

    [Fact]
    public void ImageNetSizesMatchTheReference() => ModelChecks.ImageNetSizes(Name, 3_504_872, 300.8);

    // torchvision's mobilenet_v2(width_mult=0.5) and (width_mult=1.4) have these parameter counts.
    [Theory]
    [InlineData(0.5, 1_968_680)]
    [InlineData(1.4, 6_108_776)]
    public void WidthMultiplierScalesTheChannelsAsTorchvision(double width, long parameters)
    {
        using var model = ModelChecks.Create(Name, new ModelOptions { WidthMultiplier = width });
        Assert.Equal(parameters, model.ParameterCount());
    }

    // Stem and the first 24-channel block lose their stride: 32 → 32 → 32 → 16 → 8 → 4 (28 px: … → 7 → 4).
    [Fact]
    public void SmallInputsEndAtFourByFour() => ModelChecks.SmallInputFeatureMap(Name, 4, 4);

    [Fact]
    public void InitializationIsTorchvisions() => ModelChecks.InitializationIsTorchvisionsMobileNet(Name);

    [Fact]
    public void ResetClassifierStartsWithZeroBias() => ModelChecks.ResetClassifierStartsWithZeroBias(Name);

    [Fact]
    public void ResetClassifierReplacesClassifierOne() => ModelChecks.ResetClassifierReplacesTheLinear(Name, "classifier.1");

    [Fact]
    public void StateDictMatchesTorchvision() => ModelChecks.StateDictMatchesReference(Name, "torchvision_mobilenet_v2.txt");

    // From Reference/mobilenet_reference.py.
    [Fact]
    public void LogitsMatchTorchvision() => ModelChecks.LogitsMatchReference(Name,
        [4.43391f, -3.90274f, 1.5725f, 1.35824f, -3.56673f, 4.63809f, -3.55454f, 1.17371f, 1.60249f, -3.98728f]);
}
