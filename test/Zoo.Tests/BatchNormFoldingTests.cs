
using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Tests;

public class BatchNormFoldingTests
{
    /// <summary>1 → 2 channels, 1×1 kernel (2, 3); BN with running mean (1, 2), variance (3.99, 0.99), eps 0.01, γ (4, 1), β (0, 1).</summary>
    private static Sequential ConvThenBatchNorm(bool convBias = false)
    {
        var conv = nn.Conv2d(1, 2, 1, bias: convBias);
        var bn = new BatchNorm2d(2, eps: 0.01);
        using var noGrad = no_grad();
        conv.weight.copy_(torch.tensor(new float[] { 2, 3 }).reshape(2, 1, 1, 1));
        conv.bias?.copy_(torch.tensor(new float[] { 1, -1 }).reshape(2));
        bn.running_mean.copy_(torch.tensor(new float[] { 1, 2 }).reshape(2));
        bn.running_var.copy_(torch.tensor(new float[] { 3.99f, 0.99f }).reshape(2));
        bn.weight.copy_(torch.tensor(new float[] { 4, 1 }).reshape(2));
        bn.bias.copy_(torch.tensor(new float[] { 0, 1 }).reshape(2));
        var model = new Sequential(conv, bn, nn.ReLU());
        model.eval();
        return model;
    }

    [Fact]
    public void FoldedConvolutionCarriesTheBatchNormScaleAndShift()
    {
        using var model = ConvThenBatchNorm();
        using var input = torch.tensor(new float[] { 1, 2 }).reshape(2, 1, 1, 1);
        using var before = model.call(input);

        Assert.Equal(1, BatchNormFolding.Fold(model, input));

        var conv = (Conv2d)model.named_children().First().module;
        // scale = γ / sqrt(var + eps) = (4 / 2, 1 / 1); shift = β − mean · scale = (0 − 2, 1 − 2)
        Expect.Close(conv.weight, [2, 1, 1, 1], [2 * 2, 3 * 1]);
        using var after = model.call(input);
        // BN(conv(x)) by hand: channel 0 (2x − 1) / 2 · 4, channel 1 (3x − 2) + 1; x = 1 and 2, then ReLU
        Expect.Close(after, [2, 2, 1, 1], [2, 2, 6, 5]);
        Expect.Close(before, [2, 2, 1, 1], [2, 2, 6, 5]);
    }

    [Fact]
    public void AnExistingConvolutionBiasIsScaledAndShifted()
    {
        using var model = ConvThenBatchNorm(convBias: true);
        using var input = torch.tensor(new float[] { 1 }).reshape(1, 1, 1, 1);
        using var before = model.call(input);
        Assert.Equal(1, BatchNormFolding.Fold(model, input));
        using var after = model.call(input);
        // conv gives (2 + 1, 3 − 1) = (3, 2); BN: (3 − 1) / 2 · 4 = 4 and (2 − 2) + 1 = 1
        Expect.Close(after, [1, 2, 1, 1], [4, 1]);
        Expect.Close(before, [1, 2, 1, 1], [4, 1]);
        Assert.DoesNotContain(model.state_dict().Keys, k => k.Contains("folded"));
    }

    [Fact]
    public void AConvolutionWhoseOutputAlsoFeedsAnotherLayerIsLeftAlone()
    {
        using var model = new Branching();
        model.eval();
        using var input = torch.randn(1, 2, 4, 4);
        Assert.Equal(0, BatchNormFolding.Fold(model, input));
        Assert.False(model.Norm.IsFolded);
    }

    [Fact]
    public void FoldingNeedsEvalModeAndAFoldedLayerCannotTrain()
    {
        using var model = ConvThenBatchNorm();
        using var input = torch.ones(1, 1, 1, 1);
        model.train();
        Assert.Throws<InvalidOperationException>(() => BatchNormFolding.Fold(model, input));
        model.eval();
        BatchNormFolding.Fold(model, input);
        model.train();
        var error = Assert.Throws<InvalidOperationException>(() => model.call(input));
        Assert.Contains("folded", error.Message);
    }

    /// <summary>conv → bn, and the conv's output also goes through a ReLU added to the result.</summary>
    private sealed class Branching : ZooModule
    {
        private readonly Conv2d conv;
        private readonly ReLU relu;

        public Branching()
        {
            conv = Register("conv", nn.Conv2d(2, 2, 3, padding: 1, bias: false));
            Norm = Register("bn", new BatchNorm2d(2));
            relu = Register("relu", nn.ReLU());
        }

        public BatchNorm2d Norm { get; }

        public override Tensor forward(Tensor input)
        {
            var features = conv.call(input);
            return Norm.call(features).add(relu.call(features));
        }
    }
}
