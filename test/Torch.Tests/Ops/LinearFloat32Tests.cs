namespace ModelZoo.Torch.Tests.Ops;

/// <summary>
/// Float32 linear layers on the CPU run as oneDNN 1x1 convolutions when libtorch has no MKL (a batch of two
/// or more); a float64 linear, which never takes that route, is the reference for values and gradients.
/// </summary>
public sealed class LinearFloat32Tests : IDisposable
{
    private readonly Generator generator = new(7);

    public void Dispose() => generator.Dispose();

    [Theory]
    [InlineData(1, 5, 3)]     // one row: libtorch's BLAS path
    [InlineData(16, 40, 10)]  // a batch: the 1x1-convolution path
    [InlineData(3, 1280, 7)]  // a classifier-shaped row count with a wide input
    public void ValuesAndGradientsMatchFloat64(int rows, int inFeatures, int outFeatures)
    {
        using var scope = torch.NewDisposeScope();
        var x64 = torch.randn([rows, inFeatures], generator, ScalarType.Float64);
        var w64 = torch.randn([outFeatures, inFeatures], generator, ScalarType.Float64);
        var b64 = torch.randn([outFeatures], generator, ScalarType.Float64);
        var upstream64 = torch.randn([rows, outFeatures], generator, ScalarType.Float64);

        var (y32, gx32, gw32, gb32) = Run(ScalarType.Float32);
        var (y64, gx64, gw64, gb64) = Run(ScalarType.Float64);
        AssertClose(y64, y32, "output");
        AssertClose(gx64, gx32, "input gradient");
        AssertClose(gw64, gw32, "weight gradient");
        AssertClose(gb64, gb32, "bias gradient");

        (Tensor, Tensor, Tensor, Tensor) Run(ScalarType type)
        {
            var x = x64.to(type).requires_grad_();
            var w = w64.to(type).requires_grad_();
            var b = b64.to(type).requires_grad_();
            var y = F.linear(x, w, b);
            Assert.Equal([(long)rows, outFeatures], y.shape);
            y.mul(upstream64.to(type)).sum().backward();
            return (y.detach(), x.grad!, w.grad!, b.grad!);
        }
    }

    [Fact]
    public void NonContiguousInputGivesTheSameRows()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([6, 8], generator);
        var w = torch.randn([4, 6], generator);
        var transposed = x.transpose(0, 1); // [8, 6], column-major
        var dense = transposed.contiguous();
        AssertClose(F.linear(dense, w).to(ScalarType.Float64), F.linear(transposed, w), "output");
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var want = expected.to(ScalarType.Float64).data<double>();
        var got = actual.to(ScalarType.Float64).data<double>();
        var scale = Math.Max(1, want.Max(Math.Abs));
        for (var i = 0; i < want.Length; i++)
            Assert.True(Math.Abs(want[i] - got[i]) <= 1e-4 * scale, $"{what} element {i}: expected {want[i]}, got {got[i]}");
    }
}
