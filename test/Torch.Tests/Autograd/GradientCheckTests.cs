namespace ModelZoo.Torch.Tests.Autograd;

/// <summary>Backward of every differentiable op the zoo uses, against finite differences in float64.</summary>
public sealed class GradientCheckTests : IDisposable
{
    private readonly Generator generator = new(42);

    public void Dispose() => generator.Dispose();

    private Tensor Leaf(params long[] shape) => GradCheck.Leaf(generator, shape);

    [Fact]
    public void Conv2dWithGroupsStridePaddingAndDilation() =>
        GradCheck.Check(t => F.conv2d(t[0], t[1], t[2], stride: (2, 1), padding: (1, 2), dilation: (1, 2), groups: 2),
            [Leaf(2, 4, 5, 5), Leaf(6, 2, 3, 3), Leaf(6)]);

    [Fact]
    public void Conv2dDepthwise() =>
        GradCheck.Check(t => F.conv2d(t[0], t[1], t[2], padding: (1, 1), groups: 3),
            [Leaf(1, 3, 4, 4), Leaf(3, 1, 3, 3), Leaf(3)]);

    [Fact]
    public void BatchNormInTraining() =>
        GradCheck.Check(t => F.batch_norm(t[0], null, null, t[1], t[2], training: true, eps: 1e-3),
            [Leaf(3, 2, 2, 2), Leaf(2), Leaf(2)]);

    [Fact]
    public void Linear() =>
        GradCheck.Check(t => F.linear(t[0], t[1], t[2]), [Leaf(3, 4), Leaf(2, 4), Leaf(2)]);

    [Fact]
    public void AvgPoolWithPaddingAndCeilMode() =>
        GradCheck.Check(t => F.avg_pool2d(t[0], (3, 2), stride: (2, 2), padding: (1, 1), ceil_mode: true, count_include_pad: false),
            [Leaf(1, 2, 5, 4)]);

    [Fact]
    public void MaxPoolWithPadding() =>
        GradCheck.Check(t => F.max_pool2d(t[0], (2, 2), stride: (1, 2), padding: (1, 1)), [Leaf(1, 2, 4, 4)]);

    [Fact]
    public void AdaptiveAvgPoolWithOverlappingWindows() =>
        GradCheck.Check(t => F.adaptive_avg_pool2d(t[0], (3, 2)), [Leaf(1, 2, 5, 5)]);

    [Fact]
    public void CrossEntropyWithLabelSmoothingAndClassWeights()
    {
        var targets = torch.tensor(new long[] { 0, 2, 1, 2 });
        var weight = torch.tensor(new[] { 1.0, 2.0, 0.5 });
        GradCheck.Check(t => F.cross_entropy(t[0], targets, weight, label_smoothing: 0.2), [Leaf(4, 3)]);
        GradCheck.Check(t => F.cross_entropy(t[0], targets, reduction: Reduction.None, label_smoothing: 0.1), [Leaf(4, 3)]);
    }

    [Fact]
    public void InterpolateBilinear()
    {
        GradCheck.Check(t => F.interpolate(t[0], (5, 3), InterpolationMode.Bilinear), [Leaf(1, 2, 3, 4)]);
        GradCheck.Check(t => F.interpolate(t[0], (2, 3), InterpolationMode.Bilinear, antialias: true), [Leaf(1, 1, 5, 6)]);
    }

    [Fact]
    public void ActivationsAwayFromTheirKinks() =>
        // Inputs at least 0.1 away from the kinks at -3, 0, 3 and 6.
        GradCheck.Check(
            t => torch.cat([F.hardswish(t[0]), F.hardsigmoid(t[0]), F.relu6(t[0]), F.silu(t[0]), F.sigmoid(t[0]), F.relu(t[0])]),
            [torch.tensor(new[] { -4.0, -2.5, -0.5, 0.5, 2.5, 4.0, 7.0 }).requires_grad_()]);

    [Fact]
    public void TheCheckerCatchesAWrongGradient()
    {
        // detach() hides the dependence on x from autograd: backward says 0, finite differences 2x.
        var x = torch.tensor(new[] { 1.0, 2.0 }).requires_grad_();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradCheck.Check(t => t[0].mul(t[0].detach()), [x]));
    }
}
