
namespace ModelZoo.Zoo.Tests;

/// <summary>MobileNetV3-Large and -Small against torchvision 0.14 and shared/reference/architectures.md.</summary>
public sealed class MobileNetV3Tests
{
    /// <summary>Registry name, parameters and conv+FC MMACs at 1000 classes, 3×224×224.</summary>
    public static TheoryData<string, long, double> Variants => new()
    {
        { "mobilenet_v3_large", 5_483_032, 216.6 },
        { "mobilenet_v3_small", 2_542_856, 56.5 },
    };

    /// <summary>Registry names.</summary>
    public static TheoryData<string> Names => new(Variants.Select(row => (string)row[0]));

    [Theory, MemberData(nameof(Variants))]
    public void ImageNetSizesMatchTheReference(string name, long parameters, double mmacs) => ModelChecks.ImageNetSizes(name, parameters, mmacs);

    // torchvision's mobilenet_v3_large(width_mult=0.75) and mobilenet_v3_small(width_mult=0.5) have these parameter counts.
    [Theory]
    [InlineData("mobilenet_v3_large", 0.75, 3_377_576)]
    [InlineData("mobilenet_v3_small", 0.5, 917_264)]
    public void WidthMultiplierScalesTheChannelsAsTorchvision(string name, double width, long parameters)
    {
        using var model = ModelChecks.Create(name, new ModelOptions { WidthMultiplier = width });
        Assert.Equal(parameters, model.ParameterCount());
    }

    // Stem and the first stride-2 bneck lose their stride: 32 px ends at 4×4 (28 px: 28 → 14 → 7 → 4).
    [Theory, MemberData(nameof(Names))]
    public void SmallInputsEndAtFourByFour(string name) => ModelChecks.SmallInputFeatureMap(name, 4, 4);

    [Theory, MemberData(nameof(Names))]
    public void InitializationIsTorchvisions(string name) => ModelChecks.InitializationIsTorchvisionsMobileNet(name);

    [Theory, MemberData(nameof(Names))]
    public void ResetClassifierStartsWithZeroBias(string name) => ModelChecks.ResetClassifierStartsWithZeroBias(name);

    // Only classifier.3 is replaced: the hidden layer (the paper's last 1×1 conv, NBN) keeps its weights.
    [Fact]
    public void ResetClassifierKeepsTheHiddenLayer()
    {
        using var scope = NewDisposeScope();
        using var model = ModelChecks.Create("mobilenet_v3_small");
        var hidden = model.state_dict()["classifier.0.weight"].clone();
        model.ResetClassifier(5);
        Assert.Equal(0, model.state_dict()["classifier.0.weight"].max_abs_diff(hidden));
        Assert.Equal([5L, 1024L], model.state_dict()["classifier.3.weight"].shape);
    }

    [Theory, MemberData(nameof(Names))]
    public void StateDictMatchesTorchvision(string name) => ModelChecks.StateDictMatchesReference(name, $"torchvision_{name}.txt");

    // From Reference/mobilenet_reference.py.
    [Theory]
    [InlineData("mobilenet_v3_large", new[] { 0.738186f, 0.441235f, -1.36076f, 1.60011f, -1.47781f, 0.45793f, 0.568196f, -1.33625f, 1.78839f, -1.20789f })]
    [InlineData("mobilenet_v3_small", new[] { 0.473288f, -0.205778f, -0.844562f, -1.26271f, -1.3375f, -1.04226f, -0.456649f, 0.255283f, 0.893203f, 1.27955f })]
    public void LogitsMatchTorchvision(string name, float[] expected) => ModelChecks.LogitsMatchReference(name, expected);
}
