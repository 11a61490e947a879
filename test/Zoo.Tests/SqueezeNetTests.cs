
namespace ModelZoo.Zoo.Tests;

public sealed class SqueezeNetTests
{
    // name, parameters, conv+FC MMACs at 1000 classes and 3×224×224: shared/reference/architectures.md for
    // 1.0 and 1.1; the simple bypass adds nothing; the complex bypass adds 1×1 convs 96→128 and 128→256 at
    // 54×54, 256→384 and 384→512 at 27×27 (341,248 weights and biases, 346.4 MMACs).
    public static TheoryData<string, long, double> Sizes => new()
    {
        { "squeezenet1_0", 1_248_424, 818.9 },
        { "squeezenet1_1", 1_235_496, 349.2 },
        { "squeezenet1_0_simple_bypass", 1_248_424, 818.9 },
        { "squeezenet1_0_complex_bypass", 1_589_672, 1165.3 },
    };

    // name, small-input mode, smallest side: measured by a forward at every side from 1 px up.
    public static TheoryData<string, bool, int> MinimumSizes => new()
    {
        { "squeezenet1_0", true, 10 },
        { "squeezenet1_0", false, 21 },
        { "squeezenet1_0_complex_bypass", true, 10 },
        { "squeezenet1_1", true, 6 },
        { "squeezenet1_1", false, 17 },
    };

    [Theory]
    [MemberData(nameof(MinimumSizes))]
    public void MinimumInputSizeIsTheSmallestSideTheNetworkTakes(string name, bool smallInput, int minimum)
    {
        using var scope = NewDisposeScope();
        using var model = ModelChecks.Create(name, new ModelOptions { NumClasses = 3, SmallInput = smallInput, InputSize = 32 });
        model.eval();
        using var noGrad = no_grad();

        Assert.Equal(minimum, model.MinimumInputSize);
        Assert.Equal([1L, 3L], model.forward(torch.zeros([1, 3, minimum, minimum])).shape);
        // One pixel less: libtorch itself refuses the features, and forward says why before it gets there.
        Assert.Throws<System.Runtime.InteropServices.ExternalException>(() => model.ForwardFeatures(torch.zeros([1, 3, minimum - 1, minimum])));
        var error = Assert.Throws<ArgumentException>(() => model.forward(torch.zeros([1, 3, minimum, minimum - 1])));
        Assert.Equal($"{name} needs images of at least {minimum}x{minimum} pixels {(smallInput ? "in" : "outside")} small-input mode " +
                     $"but the batch has {minimum}x{minimum - 1}", error.Message);
    }

    [Fact]
    public void TheRegistryRefusesAnInputSizeBelowTheMinimumNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelChecks.Create("squeezenet1_0", new ModelOptions { InputSize = 9 }));

        Assert.Equal("squeezenet1_0 needs an input size of at least 10 pixels in small-input mode, got 9", error.Message);
    }

    [Fact]
    public void RegistersFourVariants() =>
        Assert.Equal(["squeezenet1_0", "squeezenet1_0_complex_bypass", "squeezenet1_0_simple_bypass", "squeezenet1_1"],
            ModelRegistry.Default.List("squeezenet*").Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ImageNetSizes(string name, long parameters, double mmacs) => ModelChecks.ImageNetSizes(name, parameters, mmacs);

    [Theory]
    [InlineData("squeezenet1_0", "torchvision_squeezenet1_0.txt")]
    [InlineData("squeezenet1_1", "torchvision_squeezenet1_1.txt")]
    [InlineData("squeezenet1_0_simple_bypass", "torchvision_squeezenet1_0.txt")]
    public void StateDictHasTorchvisionKeysAndShapes(string name, string reference) =>
        ModelChecks.StateDictMatchesReference(name, reference);

    [Fact]
    public void ComplexBypassAddsConvShortcutsAroundFire2468()
    {
        using var plain = ModelChecks.Create("squeezenet1_0");
        using var complex = ModelChecks.Create("squeezenet1_0_complex_bypass");
        var added = complex.state_dict().Where(e => !plain.state_dict().ContainsKey(e.Key))
            .Select(e => $"{e.Key} {string.Join(",", e.Value.shape)}");
        Assert.Equal(
        [
            "features.3.bypass.weight 128,96,1,1", "features.3.bypass.bias 128",
            "features.5.bypass.weight 256,128,1,1", "features.5.bypass.bias 256",
            "features.8.bypass.weight 384,256,1,1", "features.8.bypass.bias 384",
            "features.10.bypass.weight 512,384,1,1", "features.10.bypass.bias 512",
        ], added);
    }

    [Fact]
    public void SimpleBypassAddsTheInputOfFire3()
    {
        // Same weights, different outputs: only the shortcuts tell the two apart.
        using var scope = NewDisposeScope();
        using var plain = ModelChecks.Create("squeezenet1_0", new ModelOptions { NumClasses = 10, InputSize = 32 });
        using var bypass = ModelChecks.Create("squeezenet1_0_simple_bypass", new ModelOptions { NumClasses = 10, InputSize = 32 });
        GoldenWeights.FillByIndex(plain);
        GoldenWeights.FillByIndex(bypass);
        plain.eval();
        bypass.eval();
        using var noGrad = no_grad();
        var input = torch.randn([1, 3, 32, 32]);
        Assert.True(plain.call(input).max_abs_diff(bypass.call(input)) > 1e-3);
    }

    // torchvision 0.14's squeezenet1_0 / squeezenet1_1 logits (eval mode, dropout off).
    [Theory]
    [InlineData("squeezenet1_0", new[] { 0.012432f, 0.0233717f, 0.0375069f, 0.202595f, 0.4988f, 0.76262f, 0.950235f, 1.03504f, 1.01594f, 0.915251f })]
    [InlineData("squeezenet1_1", new[] { 0f, 0.00257613f, 0.0167796f, 0.188696f, 0.487834f, 0.755179f, 0.946813f, 1.03587f, 1.02095f, 0.924124f })]
    public void LogitsMatchTorchvision(string name, float[] expected) => ModelChecks.LogitsMatchReference(name, expected);

    [Fact]
    public void SmallInputModeKeepsTheFeatureMapUseful()
    {
        using var model = ModelChecks.Create("squeezenet1_0", new ModelOptions { NumClasses = 10, InputSize = 32 });
        Assert.Equal([2L, 512, 6, 6], ModelChecks.FeatureMapShape(model));
        using var large = ModelChecks.Create("squeezenet1_0", new ModelOptions { NumClasses = 10 });
        Assert.Equal([2L, 512, 13, 13], ModelChecks.FeatureMapShape(large));
    }
}
