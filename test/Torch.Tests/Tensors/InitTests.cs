namespace ModelZoo.Torch.Tests.Tensors;

using Init = torch.nn.init;

/// <summary>
/// Kaiming statistics on 131,072 draws: the sample standard deviation is within 0.2% of the true one
/// (one standard error), so the 3% tolerance below is over ten standard errors.
/// </summary>
public class InitTests
{
    private static (double Mean, double Std, double Min, double Max) Statistics(Tensor t)
    {
        var values = t.to(ScalarType.Float64).data<double>();
        var mean = values.Average();
        var std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        return (mean, std, values.Min(), values.Max());
    }

    [Fact]
    public void KaimingNormalFanInForRelu()
    {
        // gain sqrt(2), fan_in 512: std = sqrt(2 / 512) = 1/16
        var (mean, std, _, _) = Statistics(Init.kaiming_normal_(torch.empty([256, 512]), nonlinearity: NonlinearityType.ReLU));
        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(std, 0.0625 * 0.97, 0.0625 * 1.03);
    }

    [Fact]
    public void KaimingNormalFanOutOfAConvolutionWeight()
    {
        // [out 128, in 64, 4, 4]: fan_out = 128 * 16 = 2048; leaky_relu with a = 0 has gain sqrt(2): std = 1/32
        var (_, std, _, _) = Statistics(Init.kaiming_normal_(torch.empty([128, 64, 4, 4]), mode: FanMode.FanOut));
        Assert.InRange(std, 0.03125 * 0.97, 0.03125 * 1.03);
    }

    [Fact]
    public void KaimingNormalLinearGainIsOne()
    {
        // fan_in 256, gain 1: std = 1/16
        var (_, std, _, _) = Statistics(Init.kaiming_normal_(torch.empty([512, 256]), nonlinearity: NonlinearityType.Linear));
        Assert.InRange(std, 0.0625 * 0.97, 0.0625 * 1.03);
    }

    [Fact]
    public void KaimingUniformFillsPlusMinusTheBound()
    {
        // bound = gain * sqrt(3 / fan_in) with leaky_relu a = sqrt(5): gain = sqrt(2 / 6), fan_in 512:
        // bound = sqrt(1 / 512) (PyTorch's nn.Linear default); uniform std = bound / sqrt(3)
        var bound = Math.Sqrt(1.0 / 512);
        var (mean, std, min, max) = Statistics(Init.kaiming_uniform_(torch.empty([256, 512]), a: Math.Sqrt(5)));
        Assert.InRange(min, -bound, -0.99 * bound);
        Assert.InRange(max, 0.99 * bound, bound);
        Assert.InRange(mean, -0.01 * bound, 0.01 * bound);
        Assert.InRange(std, bound / Math.Sqrt(3) * 0.97, bound / Math.Sqrt(3) * 1.03);
    }

    [Fact]
    public void KaimingUniformForReluOnAConvolutionWeight()
    {
        // [64, 32, 3, 3]: fan_in = 288, gain sqrt(2): bound = sqrt(6 / 288)
        var bound = Math.Sqrt(6.0 / 288);
        var (_, _, min, max) = Statistics(Init.kaiming_uniform_(torch.empty([64, 32, 3, 3]), nonlinearity: NonlinearityType.ReLU));
        Assert.InRange(min, -bound, -0.99 * bound);
        Assert.InRange(max, 0.99 * bound, bound);
    }

    [Fact]
    public void XavierUniformBoundUsesBothFans()
    {
        // [256, 512]: bound = gain * sqrt(6 / (fan_in + fan_out)) = 2 * sqrt(6 / 768)
        var bound = 2 * Math.Sqrt(6.0 / 768);
        var (_, std, min, max) = Statistics(Init.xavier_uniform_(torch.empty([256, 512]), gain: 2));
        Assert.InRange(min, -bound, -0.99 * bound);
        Assert.InRange(max, 0.99 * bound, bound);
        Assert.InRange(std, bound / Math.Sqrt(3) * 0.97, bound / Math.Sqrt(3) * 1.03);
    }

    [Fact]
    public void XavierNormalStdUsesBothFans()
    {
        // std = sqrt(2 / (fan_in + fan_out)) = sqrt(2 / 768)
        var (_, std, _, _) = Statistics(Init.xavier_normal_(torch.empty([256, 512])));
        Assert.InRange(std, Math.Sqrt(2.0 / 768) * 0.97, Math.Sqrt(2.0 / 768) * 1.03);
    }

    [Fact]
    public void NormalAndUniformTakeTheirParameters()
    {
        var (mean, std, _, _) = Statistics(Init.normal_(torch.empty([100_000]), mean: 3, std: 0.5));
        Assert.InRange(mean, 2.99, 3.01);
        Assert.InRange(std, 0.5 * 0.97, 0.5 * 1.03);
        var (_, _, min, max) = Statistics(Init.uniform_(torch.empty([100_000]), low: 2, high: 5));
        Assert.InRange(min, 2, 2.01);
        Assert.InRange(max, 4.99, 5);
    }

    [Fact]
    public void ZerosOnesAndConstantAreExact()
    {
        Assert.All(Init.zeros_(torch.empty([3, 4])).data<float>(), v => Assert.Equal(0f, v));
        Assert.All(Init.ones_(torch.empty([3, 4])).data<float>(), v => Assert.Equal(1f, v));
        Assert.All(Init.constant_(torch.empty([3, 4], ScalarType.Float64), 0.1).data<double>(), v => Assert.Equal(0.1, v));
    }

    [Fact]
    public void InitialisersWorkInPlaceOnTheGivenTensor()
    {
        var t = torch.zeros([4, 4]);
        Assert.Same(t, Init.constant_(t, 2));
        Assert.All(t.data<float>(), v => Assert.Equal(2f, v));
    }

    [Fact]
    public void InitialisingAParameterDoesNotRecordAGraph()
    {
        var weight = torch.empty([8, 8]).requires_grad_();
        Init.kaiming_uniform_(weight);
        Assert.True(weight.is_leaf);
        Assert.True(weight.requires_grad);
    }

    [Fact]
    public void TruncNormalStaysInsideItsBounds()
    {
        var values = Init.trunc_normal_(torch.empty([10000]), std: 1, low: -0.5, high: 0.5).data<float>();
        Assert.All(values, v => Assert.InRange(v, -0.5f, 0.5f));
        Assert.True(values.Max() > 0.45 && values.Min() < -0.45);
    }
}
