using ModelZoo.Zoo.Families;

namespace ModelZoo.Zoo.Tests;

/// <summary>The skeleton SEResNet and CbamResNet share, without attention: it must be torchvision's ResNet.</summary>
public sealed class ResNetTests
{
    [Theory]
    [InlineData(18, 11_689_512)]
    [InlineData(34, 21_797_672)]
    [InlineData(50, 25_557_032)]
    public void WithoutAttentionItHasTorchvisionsParameterCount(int depth, long expected)
    {
        using var scope = NewDisposeScope();
        using var model = new ResNet(new ModelOptions(), depth);
        Assert.Equal(expected, model.ParameterCount());
    }

    [Fact]
    public void UnknownDepthNamesTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ResNet(new ModelOptions(), 20));
        Assert.Contains("18, 34, 50, 101, 152", error.Message);
    }

    // Reference/resnet_attention_golden.py: torchvision.models.resnet18/50 with the same weights. The weights
    // are seeded by state-dict name, so this also checks every key against torchvision's.
    [Fact]
    public void ResNet18MatchesTorchvision() => GoldenWeights.AssertLogits(
        new ResNet(new ModelOptions { NumClasses = 10, InputSize = 64, SmallInput = false }, 18),
        GoldenWeights.FillByName, () => GoldenWeights.ChirpImages(64),
        [-5.91665f, 0.407877f, 1.55208f, -1.07644f, -0.746851f, -0.373165f, 0.115654f, 0.527068f, 1.42733f, -0.443531f,
         -4.40405f, 1.6658f, -0.687829f, -0.527018f, -0.675816f, -0.664932f, 0.616583f, 0.270356f, 1.08348f, 0.762677f]);

    [Fact]
    public void ResNet50MatchesTorchvision() => GoldenWeights.AssertLogits(
        new ResNet(new ModelOptions { NumClasses = 10, InputSize = 64, SmallInput = false }, 50),
        GoldenWeights.FillByName, () => GoldenWeights.ChirpImages(64),
        [-11.997f, 0.688848f, 0.722454f, 1.65092f, 2.47584f, 0.921083f, -1.15001f, -0.603994f, -2.06853f, -0.207318f,
         -9.80873f, -0.837324f, 1.0214f, 1.2038f, 0.835205f, 0.205531f, -1.24626f, -0.752633f, -1.24488f, -0.877632f]);
}
