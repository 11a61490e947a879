namespace ModelZoo.Zoo.Tests;

/// <summary>The checks that need no per-family reference numbers, over every registered architecture.</summary>
public sealed class RegisteredModelTests
{
    /// <summary>Every registry name.</summary>
    public static TheoryData<string> Names => new(ModelRegistry.Default.List().Select(e => e.Name));

    // The step that must lower the loss, per family: small enough for the largest gradients at the init.
    private static readonly Dictionary<string, double> LearningRates = new()
    {
        ["MobileNetV1"] = 0.05,
        ["MobileNetV2"] = 0.05,
        ["MobileNetV3"] = 0.05,
        ["ShuffleNetV1"] = 1e-3,
        // No batch norm: with torchvision's init the bypass sums give large logits and gradients (squared norm
        // about 3e6 for the complex bypass), so the step is a small one.
        ["SqueezeNet"] = 1e-5,
        ["SEResNet"] = 0.01,
        ["CbamResNet"] = 0.01,
    };

    [Fact]
    public void EveryFamilyHasALearningRate() =>
        Assert.All(ModelRegistry.Default.List(), e => Assert.True(LearningRates.ContainsKey(e.Family), $"no learning rate for {e.Family}"));

    [Theory, MemberData(nameof(Names))]
    public void SmallInputsKeepTheParametersAndGiveLogits(string name) => ModelChecks.SmallInputs(name);

    [Theory, MemberData(nameof(Names))]
    public void EveryParameterGetsAGradient(string name) => ModelChecks.EveryParameterGetsAGradient(name);

    [Theory, MemberData(nameof(Names))]
    public void OneSgdStepLowersTheLoss(string name) =>
        ModelChecks.SgdStepLowersLoss(name, LearningRates[ModelRegistry.Default.Get(name).Family]);

    // The smallest variant of every family that pads all its windows (MinimumInputSize 1; SqueezeNet's own test covers it).
    [Theory]
    [InlineData("cbam_resnet18")]
    [InlineData("mobilenet_v1_x0_25")]
    [InlineData("mobilenet_v2")]
    [InlineData("mobilenet_v3_small")]
    [InlineData("se_resnet18")]
    [InlineData("shufflenet_v1_g1_x0_5")]
    public void PaddedFamiliesTakeOnePixelImagesInBothModes(string name)
    {
        foreach (var smallInput in new[] { true, false })
        {
            using var scope = NewDisposeScope();
            using var model = ModelChecks.Create(name, new ModelOptions { NumClasses = 3, SmallInput = smallInput });
            model.eval();
            using var noGrad = no_grad();
            Assert.Equal(1, model.MinimumInputSize);
            Assert.Equal([1L, 3L], model.forward(torch.zeros([1, 3, 1, 1])).shape);
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void ResetClassifierChangesTheOutputWidth(string name) => ModelChecks.ResetClassifierChangesOutputWidth(name);
}
