namespace ModelZoo.Torch.Tests.Ops;

public class ArithmeticTests
{
    private static Tensor A() => torch.tensor(new float[] { 1, 2, 3, 4 });
    private static Tensor B() => torch.tensor(new float[] { 2, 8, 6, 16 });

    [Fact]
    public void TensorTensor()
    {
        Expect.Close(A().add(B()), [4], [3, 10, 9, 20]);
        Expect.Close(A().add(B(), alpha: 0.5), [4], [2, 6, 6, 12]);
        Expect.Close(A().sub(B()), [4], [-1, -6, -3, -12]);
        Expect.Close(A().sub(B(), alpha: 2), [4], [-3, -14, -9, -28]);
        Expect.Close(A().mul(B()), [4], [2, 16, 18, 64]);
        Expect.Close(A().div(B()), [4], [0.5, 0.25, 0.5, 0.25]);
    }

    [Fact]
    public void TensorScalar()
    {
        Expect.Close(A().add(1.5), [4], [2.5, 3.5, 4.5, 5.5]);
        Expect.Close(A().sub(1), [4], [0, 1, 2, 3]);
        Expect.Close(A().mul(-2), [4], [-2, -4, -6, -8]);
        Expect.Close(A().div(4), [4], [0.25, 0.5, 0.75, 1]);
    }

    [Fact]
    public void Operators()
    {
        Expect.Close(A() + B(), [4], [3, 10, 9, 20]);
        Expect.Close(A() - B(), [4], [-1, -6, -3, -12]);
        Expect.Close(A() * B(), [4], [2, 16, 18, 64]);
        Expect.Close(A() / B(), [4], [0.5, 0.25, 0.5, 0.25]);
        Expect.Close(10 - A(), [4], [9, 8, 7, 6]);
        Expect.Close(2 * A() + 1, [4], [3, 5, 7, 9]);
        Expect.Close(-A(), [4], [-1, -2, -3, -4]);
    }

    [Fact]
    public void InPlaceVariantsModifyAndReturnTheSameTensor()
    {
        var a = A();
        Assert.Same(a, a.add_(B()));
        Expect.Close(a, [4], [3, 10, 9, 20]);
        Assert.Same(a, a.sub_(B(), alpha: 0.5));
        Expect.Close(a, [4], [2, 6, 6, 12]);
        Assert.Same(a, a.mul_(B()));
        Expect.Close(a, [4], [4, 48, 36, 192]);
        Assert.Same(a, a.div_(B()));
        Expect.Close(a, [4], [2, 6, 6, 12]);
        a.add_(1).sub_(2).mul_(3).div_(6);
        Expect.Close(a, [4], [0.5, 2.5, 2.5, 5.5]);
        Assert.Same(a, a.pow_(2));
        Expect.Close(a, [4], [0.25, 6.25, 6.25, 30.25]);
    }

    [Fact]
    public void Broadcasting()
    {
        var column = torch.tensor(new float[] { 1, 2 }, 2, 1);
        var row = torch.tensor(new float[] { 10, 20, 30 }, 1, 3);
        Expect.Close(column + row, [2, 3], [11, 21, 31, 12, 22, 32]);
    }

    [Fact]
    public void IntegerTensorsStayIntegerWithIntegralScalarsAndDivideTruly()
    {
        var x = torch.tensor(new long[] { 7, -7 });
        Expect.Exactly(x.add(1), [2], new long[] { 8, -6 });
        Expect.Exactly(x.mul(3), [2], new long[] { 21, -21 });
        var half = x.div(2);
        Assert.Equal(ScalarType.Float32, half.dtype);
        Expect.Close(half, [2], [3.5, -3.5]);
    }

    [Fact]
    public void PowWithScalarAndTensorExponents()
    {
        Expect.Close(torch.tensor(new float[] { 1, 2, 3 }).pow(2), [3], [1, 4, 9]);
        Expect.Close(torch.tensor(new float[] { 3, 4, 2 }).pow(torch.tensor(new float[] { 2, 0.5f, -1 })), [3], [9, 2, 0.5]);
    }

    [Fact]
    public void SqrtExpLogAbs()
    {
        Expect.Close(torch.tensor(new float[] { 4, 9, 0.25f }).sqrt(), [3], [2, 3, 0.5]);
        Expect.Close(torch.tensor(new float[] { 0, 1, -1 }).exp(), [3], [1, 2.718281828, 0.367879441]);
        Expect.Close(torch.tensor(new float[] { 1, 100, 0.5f }).log(), [3], [0, 4.605170186, -0.693147181]);
        Expect.Close(torch.tensor(new float[] { -3, 0, 2.5f }).abs(), [3], [3, 0, 2.5]);
        Assert.True(float.IsNaN(torch.tensor(new float[] { -1 }).sqrt().item<float>()));
        Assert.Equal(float.NegativeInfinity, torch.tensor(new float[] { 0 }).log().item<float>());
    }

    [Fact]
    public void ClampWithBothOrOneBound()
    {
        var x = torch.tensor(new float[] { -2, -0.5f, 0.5f, 2 });
        Expect.Close(x.clamp(-1, 1), [4], [-1, -0.5, 0.5, 1]);
        Expect.Close(x.clamp(min: 0), [4], [0, 0, 0.5, 2]);
        Expect.Close(x.clamp(max: 0), [4], [-2, -0.5, 0, 0]);
        Assert.Same(x, x.clamp_(-1, 0));
        Expect.Close(x, [4], [-1, -0.5, 0, 0]);
    }

    [Fact]
    public void ClampOfAnIntegerTensorStaysInteger() =>
        Expect.Exactly(torch.tensor(new long[] { -5, 1, 9 }).clamp(0, 3), [3], new long[] { 0, 1, 3 });

    [Fact]
    public void OptimizerUpdates()
    {
        var p = torch.tensor(new float[] { 1, 2, 3 });
        var a = torch.tensor(new float[] { 2, 2, 2 });
        var b = torch.tensor(new float[] { 4, 1, 0.5f });

        // p + 0.5 * a * b
        Assert.Same(p, p.addcmul_(a, b, 0.5));
        Expect.Close(p, [3], [5, 3, 3.5]);

        // p + 2 * a / b
        p = torch.tensor(new float[] { 1, 2, 3 });
        Assert.Same(p, p.addcdiv_(a, b, 2));
        Expect.Close(p, [3], [2, 6, 11]);

        // p + 0.25 * (end - p)
        p = torch.tensor(new float[] { 1, 2, 3 });
        Assert.Same(p, p.lerp_(torch.tensor(new float[] { 11, 12, 13 }), 0.25));
        Expect.Close(p, [3], [3.5, 4.5, 5.5]);

        // SGD with momentum, by hand: buf = 0.9 buf + g; p -= 0.1 buf
        p = torch.tensor(new float[] { 1, 2, 3 });
        var buffer = torch.tensor(new float[] { 1, 1, 1 });
        buffer.mul_(0.9).add_(a);
        p.add_(buffer, alpha: -0.1);
        Expect.Close(p, [3], [1 - 0.29, 2 - 0.29, 3 - 0.29]);

        Expect.Close(p.zero_(), [3], [0, 0, 0]);
        Expect.Close(p.fill_(2.5), [3], [2.5, 2.5, 2.5]);
    }
}
