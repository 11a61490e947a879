using ModelZoo.Zoo.Families;
using static ModelZoo.Zoo.Tests.ModelChecks;

namespace ModelZoo.Zoo.Tests;

public sealed class SEResNetTests
{
    public static TheoryData<string> Names => new() { "se_resnet18", "se_resnet34", "se_resnet50" };

    [Fact]
    public void RegistryListsTheVariants()
    {
        var entries = ModelRegistry.Default.List("se_resnet*");
        Assert.Equal(["se_resnet18", "se_resnet34", "se_resnet50"], entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.Equal("SEResNet", e.Family));
    }

    [Theory]
    [InlineData("se_resnet18", 11_778_592)]
    [InlineData("se_resnet34", 21_958_868)]
    [InlineData("se_resnet50", 28_088_024)]
    public void ParameterCountMatchesReferenceTableInBothInputModes(string name, long expected)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name);
        Assert.Equal(expected, model.ParameterCount());
        using var small = Create(name, new ModelOptions { InputSize = 32 });
        Assert.True(small.Options.UsesSmallInput);
        Assert.Equal(expected, small.ParameterCount());
    }

    // torchvision 0.14 ResNet conv+FC MACs at 224 px (its documented 1.81, 3.66, 4.09 GFLOPS) plus the SE
    // convs, which run on 1×1 maps: 2·C·C/16 per block of output width C.
    [Theory]
    [InlineData("se_resnet18", 1_814_073_344, new[] { 2, 2, 2, 2 }, 1)]
    [InlineData("se_resnet34", 3_663_761_408, new[] { 3, 4, 6, 3 }, 1)]
    [InlineData("se_resnet50", 4_089_184_256, new[] { 3, 4, 6, 3 }, 4)]
    public void ConvAndFcMacsAreTorchvisionResNetPlusSe(string name, long resnetMacs, int[] blocks, int expansion)
    {
        var seMacs = blocks.Select((n, s) => n * 2L * Square(64L << s) * expansion * expansion / 16).Sum();
        Assert.Equal(resnetMacs + seMacs, MacsAt224(name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SmallInputsEndAtFourByFour(string name) => SmallInputFeatureMap(name, 4, 4);

    [Theory]
    [MemberData(nameof(Names))]
    public void ResetClassifierReplacesFc(string name) => ResetClassifierReplacesTheLinear(name, "fc");

    [Theory]
    [InlineData("se_resnet18")]
    [InlineData("se_resnet50")]
    public void ForwardDisposesIntermediates(string name) => ForwardDisposesItsIntermediates(name);

    [Fact]
    public void SeSitsInEveryBlockWithBiasedConvsNamedLikeTorchvision()
    {
        using var scope = NewDisposeScope();
        using var model = Create("se_resnet50");
        var keys = model.state_dict().Keys.ToList();
        Assert.Equal(16, keys.Count(k => k.EndsWith(".se.fc1.weight", StringComparison.Ordinal)));
        var shapes = model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        Assert.Equal([16L, 256, 1, 1], shapes["layer1.0.se.fc1.weight"]);
        Assert.Equal([16L], shapes["layer1.0.se.fc1.bias"]);
        Assert.Equal([2048L, 128, 1, 1], shapes["layer4.2.se.fc2.weight"]);
        Assert.Equal([2048L], shapes["layer4.2.se.fc2.bias"]);
        Assert.Equal([1024L, 512, 1, 1], shapes["layer3.0.downsample.0.weight"]);
    }

    [Fact]
    public void SmallInputModeKeepsTheSevenBySevenStemAndDropsTheDownsampling()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var model = Create("se_resnet18", new ModelOptions { InputSize = 32 });
        model.eval();
        Assert.Equal([64L, 3, 7, 7], model.state_dict()["conv1.weight"].shape);
        Assert.Equal([2L, 512, 4, 4], model.ForwardFeatures(torch.randn([2, 3, 32, 32])).shape);
    }

    [Fact]
    public void DropoutOptionActsBeforeFcInTraining()
    {
        using var scope = NewDisposeScope();
        var features = torch.rand([4, 512, 1, 1]);
        using var plain = Create("se_resnet18", new ModelOptions { InputSize = 32 });
        using var dropped = Create("se_resnet18", new ModelOptions { InputSize = 32, Dropout = 0.5 });
        Assert.Equal(0, plain.ForwardHead(features).max_abs_diff(plain.ForwardHead(features)));
        Assert.True(dropped.ForwardHead(features).max_abs_diff(dropped.ForwardHead(features)) > 0);
        dropped.eval();
        Assert.Equal(0, dropped.ForwardHead(features).max_abs_diff(dropped.ForwardHead(features)));
    }

    // Reference/resnet_attention_golden.py: the same weights in PyTorch (torchvision's ResNet with an SE module).
    [Fact]
    public void SeResNet18MatchesPyTorchReference() => GoldenWeights.AssertLogits(
        SEResNet.SEResNet18(new ModelOptions { NumClasses = 10, InputSize = 64, SmallInput = false }),
        GoldenWeights.FillByName, () => GoldenWeights.ChirpImages(64),
        [-4.97493f, 0.557609f, 0.916683f, -1.35171f, -0.518957f, -0.261036f, 0.205628f, 0.712272f, 0.880345f, -0.823048f,
         -4.16982f, -0.0328003f, -0.658074f, -0.182297f, 0.104706f, -0.461429f, 0.425346f, -0.225049f, 0.574969f, -0.116033f]);

    [Fact]
    public void SeResNet50MatchesPyTorchReference() => GoldenWeights.AssertLogits(
        SEResNet.SEResNet50(new ModelOptions { NumClasses = 10, InputSize = 64, SmallInput = false }),
        GoldenWeights.FillByName, () => GoldenWeights.ChirpImages(64),
        [-8.12831f, -0.453005f, 0.35542f, 0.975239f, 0.119582f, 0.229808f, -0.544774f, 0.634651f, -0.903412f, -0.247293f,
         -7.75809f, -0.612243f, 0.905808f, 0.269501f, 0.0216006f, -0.0746065f, -0.660485f, -0.143867f, -0.898158f, -0.249886f]);

    private static long Square(long x) => x * x;
}
