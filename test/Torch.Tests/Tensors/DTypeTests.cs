namespace ModelZoo.Torch.Tests.Tensors;

public class DTypeTests
{
    [Fact]
    public void Float32RoundTrip() =>
        Expect.Exactly(torch.tensor(new[] { 1.5f, -0f, float.MaxValue, float.Epsilon }), [4],
            new[] { 1.5f, -0f, float.MaxValue, float.Epsilon });

    [Fact]
    public void Float64RoundTrip() =>
        Expect.Exactly(torch.tensor(new[] { Math.PI, -1e300, double.Epsilon }), [3], new[] { Math.PI, -1e300, double.Epsilon });

    [Fact]
    public void Float16RoundTripAndConversion()
    {
        var values = new[] { (Half)0.5, (Half)(-2), (Half)1024, Half.MaxValue };
        Expect.Exactly(torch.tensor(values), [4], values);

        // float32 -> float16 rounds 1/3 to the nearest half, 0.333251953125.
        var third = torch.tensor(new[] { 1f / 3 }).to(ScalarType.Float16);
        Assert.Equal(ScalarType.Float16, third.dtype);
        Assert.Equal((Half)0.333251953125, third.data<Half>()[0]);
        Assert.Equal(0.333251953125f, third.to(ScalarType.Float32).item<float>());
    }

    [Fact]
    public void BFloat16KeepsTheTopSixteenBitsOfAFloat32()
    {
        var x = torch.tensor(new[] { 1f, -2.5f, 3.140625f, 1.00390625f }).to(ScalarType.BFloat16);
        Assert.Equal(ScalarType.BFloat16, x.dtype);
        // 1.00390625 = 1 + 2^-8 lies halfway between 1 and 1 + 2^-7 and rounds to even (1).
        Assert.Equal(new ushort[] { 0x3F80, 0xC020, 0x4049, 0x3F80 }, x.data<ushort>());
        Expect.Exactly(x.to(ScalarType.Float32), [4], new[] { 1f, -2.5f, 3.140625f, 1f });
    }

    [Fact]
    public void Int64RoundTrip() =>
        Expect.Exactly(torch.tensor(new[] { long.MinValue, -1L, long.MaxValue }), [3], new[] { long.MinValue, -1L, long.MaxValue });

    [Fact]
    public void Int32RoundTrip() =>
        Expect.Exactly(torch.tensor(new[] { int.MinValue, 0, int.MaxValue }), [3], new[] { int.MinValue, 0, int.MaxValue });

    [Fact]
    public void UInt8RoundTrip()
    {
        var bytes = new byte[] { 0, 1, 128, 255 };
        var x = torch.tensor(bytes, 2, 2);
        Assert.Equal(ScalarType.Byte, x.dtype);
        Expect.Exactly(x, [2, 2], bytes);
        Expect.Exactly(x.to(ScalarType.Int64), [2, 2], new long[] { 0, 1, 128, 255 });
    }

    [Fact]
    public void BoolRoundTripAndConversion()
    {
        Expect.Exactly(torch.tensor(new[] { true, false, true }), [3], new[] { true, false, true });
        // Any non-zero value is true.
        Expect.Exactly(torch.tensor(new[] { 0f, 0.5f, -1f }).to(ScalarType.Bool), [3], new[] { false, true, true });
        Expect.Exactly(torch.tensor(new[] { true, false }).to(ScalarType.Float32), [2], new[] { 1f, 0f });
    }

    [Fact]
    public void ConversionsBetweenIntegerAndFloat()
    {
        Expect.Exactly(torch.tensor(new long[] { 1, -2 }).to(ScalarType.Float64), [2], new[] { 1.0, -2.0 });
        // float -> int truncates toward zero.
        Expect.Exactly(torch.tensor(new[] { 2.7f, -2.7f }).to(ScalarType.Int32), [2], new[] { 2, -2 });
        Expect.Exactly(torch.tensor(new[] { 2.7f, -2.7f }).to(torch.CPU, ScalarType.Int64), [2], new[] { 2L, -2L });
    }

    [Fact]
    public void ReadingWithTheWrongElementSizeIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => torch.tensor(new[] { 1f }).data<double>());
        Assert.Contains("float32", error.Message);
    }

    [Fact]
    public void ItemReadsOneElementInTheRequestedType()
    {
        Assert.Equal(2.5f, torch.scalar_tensor(2.5).item<float>());
        Assert.Equal(2.5, torch.scalar_tensor(2.5, ScalarType.Float64).item<double>());
        Assert.Equal(long.MaxValue, torch.tensor(new[] { long.MaxValue }).item<long>());
        Assert.Equal(-7, torch.tensor(new[] { -7 }).item<int>());
        Assert.Equal((byte)200, torch.tensor(new byte[] { 200 }).item<byte>());
        Assert.True(torch.tensor(new[] { true }).item<bool>());
        Assert.Equal((Half)1.5, torch.tensor(new[] { (Half)1.5 }).item<Half>());
    }

    [Fact]
    public void ItemOfSeveralElementsIsAnError() =>
        Assert.Throws<TorchException>(() => torch.tensor(new[] { 1f, 2f }).item<float>());
}
