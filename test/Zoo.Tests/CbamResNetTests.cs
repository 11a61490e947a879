using ModelZoo.Zoo.Families;
using ModelZoo.Zoo.Layers;
using static ModelZoo.Zoo.Tests.ModelChecks;

namespace ModelZoo.Zoo.Tests;

public sealed class CbamResNetTests
{
    private const string Name = "cbam_resnet18";

    [Fact]
    public void RegistryListsTheVariant()
    {
        var entry = Assert.Single(ModelRegistry.Default.List("cbam_*"));
        Assert.Equal((Name, "CbamResNet"), (entry.Name, entry.Family));
    }

    // No reference row: ResNet-18's 11,689,512 plus, per BasicBlock of C channels (2 blocks per stage),
    // the bias-free shared MLP C → C/16 → C and the 2 → 1 7×7 spatial conv.
    [Fact]
    public void ParameterCountIsResNet18PlusCbamInBothInputModes()
    {
        long[] widths = [64, 128, 256, 512];
        var cbam = widths.Sum(c => 2 * (2 * c * (c / 16) + 2 * 7 * 7));
        Assert.Equal(87_824, cbam);
        using var scope = NewDisposeScope();
        using var model = Create(Name);
        Assert.Equal(11_689_512 + cbam, model.ParameterCount());
        using var small = Create(Name, new ModelOptions { InputSize = 32 });
        Assert.Equal(11_777_336, small.ParameterCount());
    }

    // torchvision's ResNet-18 conv+FC MACs at 224 px plus CBAM's: the MLP runs twice (average- and
    // max-pooled descriptors) on 1×1 maps, the spatial conv 2·7·7 per output pixel (56², 28², 14², 7²).
    [Fact]
    public void ConvAndFcMacsAreTorchvisionResNet18PlusCbam()
    {
        long[] widths = [64, 128, 256, 512];
        long[] sides = [56, 28, 14, 7];
        var cbam = widths.Select((c, s) => 2 * (2 * 2 * c * (c / 16) + 2 * 7 * 7 * sides[s] * sides[s])).Sum();
        Assert.Equal(1_814_073_344 + cbam, MacsAt224(Name));
    }

    [Fact]
    public void SmallInputsEndAtFourByFour() => SmallInputFeatureMap(Name, 4, 4);

    [Fact]
    public void ResetClassifierReplacesFc() => ResetClassifierReplacesTheLinear(Name, "fc");

    [Fact]
    public void ForwardDisposesIntermediates() => ForwardDisposesItsIntermediates(Name);

    [Fact]
    public void CbamSitsInEveryBlockNamedCaAndSa()
    {
        using var scope = NewDisposeScope();
        using var model = Create(Name);
        var shapes = model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        Assert.Equal(8, shapes.Keys.Count(k => k.EndsWith(".cbam.sa.conv1.weight", StringComparison.Ordinal)));
        Assert.Equal([4L, 64, 1, 1], shapes["layer1.0.cbam.ca.fc1.weight"]);
        Assert.Equal([512L, 32, 1, 1], shapes["layer4.1.cbam.ca.fc2.weight"]);
        Assert.Equal([1L, 2, 7, 7], shapes["layer2.0.cbam.sa.conv1.weight"]);
        Assert.DoesNotContain(shapes.Keys, k => k.Contains(".cbam.", StringComparison.Ordinal) && k.EndsWith(".bias", StringComparison.Ordinal));
    }

    // With zero weights both gates are sigmoid(0) = 1/2, so CBAM scales its input by exactly 1/4.
    [Fact]
    public void ZeroWeightCbamHalvesTwice()
    {
        using var scope = NewDisposeScope();
        using var cbam = new Cbam(32);
        using (no_grad())
            foreach (var parameter in cbam.parameters()) parameter.zero_();
        var input = torch.randn([2, 32, 5, 6]);
        Assert.True(cbam.call(input).max_abs_diff(input.mul(0.25)) < 1e-6);
    }

    // Reference/resnet_attention_golden.py: the same weights in PyTorch (torchvision's ResNet with a CBAM module).
    [Fact]
    public void CbamResNet18MatchesPyTorchReference() => GoldenWeights.AssertLogits(
        CbamResNet.CbamResNet18(new ModelOptions { NumClasses = 10, InputSize = 64, SmallInput = false }),
        GoldenWeights.FillByName, () => GoldenWeights.ChirpImages(64),
        [-4.8356f, 0.734245f, 0.80242f, -1.51105f, -0.479529f, -0.0605748f, 0.261104f, 0.412747f, 0.713036f, -1.13555f,
         -3.53213f, -0.0742946f, -0.541691f, -0.0856577f, 0.480284f, -0.705673f, 0.571222f, -0.071938f, 0.427486f, -0.513282f]);

    // The same at 32 px in small-input mode (the reference sets conv1's stride to 1 and drops the max-pool).
    [Fact]
    public void CbamResNet18SmallInputMatchesPyTorchReference() => GoldenWeights.AssertLogits(
        CbamResNet.CbamResNet18(new ModelOptions { NumClasses = 10, InputSize = 32 }),
        GoldenWeights.FillByName, () => GoldenWeights.ChirpImages(32),
        [-3.58627f, 0.204709f, 0.161188f, -0.579007f, 0.0349131f, -0.456768f, 0.0553304f, -0.0295719f, 0.293339f, -0.323882f,
         -3.63309f, 0.194881f, -0.0246831f, -0.476086f, 0.174216f, -0.463678f, -0.00164561f, -0.0877247f, 0.390625f, -0.219677f]);
}
