namespace ModelZoo.Torch.Tests.Tensors;

public class TensorPropertiesTests
{
    [Fact]
    public void ShapeDimNumelAndSize()
    {
        var x = torch.zeros([2, 3, 4]);
        Assert.Equal([2L, 3, 4], x.shape);
        Assert.Equal(3, x.dim());
        Assert.Equal(24, x.numel());
        Assert.Equal(3, x.size(1));
        Assert.Equal(4, x.size(-1));
    }

    [Fact]
    public void SizeOfAMissingDimensionIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => torch.zeros([2, 3]).size(2));
        Assert.Contains("[-2, 1]", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.zeros([2, 3]).size(-3));
    }

    [Fact]
    public void EmptyTensorsRoundTrip()
    {
        var empty = torch.tensor(Array.Empty<float>());
        Assert.Equal([0L], empty.shape);
        Assert.Empty(empty.data<float>());
        var none = torch.zeros([2, 0]);
        Assert.Equal(0, none.numel());
        Assert.Empty(none.data<float>());
        Assert.Equal(0f, none.sum().item<float>());
    }

    [Fact]
    public void ScalarTensorHasNoDimensions()
    {
        var x = torch.scalar_tensor(3);
        Assert.Empty(x.shape);
        Assert.Equal(0, x.dim());
        Assert.Equal(1, x.numel());
    }

    [Fact]
    public void TheDefaultsAreFloat32OnTheCpu()
    {
        var x = torch.ones([1]);
        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal(Device.CPU, x.device);
        Assert.Equal("cpu", x.device.ToString());
        Assert.Equal("[1] float32 cpu", x.ToString());
    }

    [Fact]
    public void FactoriesHonourTheirDtype()
    {
        Assert.Equal(ScalarType.Float64, torch.zeros([1], ScalarType.Float64).dtype);
        Assert.Equal(ScalarType.Int64, torch.arange(3).dtype);
        Assert.Equal(ScalarType.Bool, torch.ones([1], ScalarType.Bool).dtype);
        Assert.Equal(new[] { 7.5f, 7.5f }, torch.full([2], 7.5).data<float>());
        Assert.Equal(new[] { 0.0, 0.25, 0.5, 0.75 }, torch.arange(0, 1, 0.25, ScalarType.Float64).data<double>());
    }

    [Fact]
    public void ToTheSameDeviceAndTypeKeepsTheValues()
    {
        var x = torch.tensor(new[] { 1f, 2f });
        var y = x.to(torch.CPU);
        Assert.Equal(Device.CPU, y.device);
        Assert.Equal(new[] { 1f, 2f }, y.data<float>());
        // No change requested: the same storage comes back unless a copy is asked for.
        y.add_(1);
        Assert.Equal(new[] { 2f, 3f }, x.data<float>());
        var copy = x.to(torch.CPU, copy: true);
        copy.add_(1);
        Assert.Equal(new[] { 2f, 3f }, x.data<float>());
    }

    [Fact]
    public void CopyFromAndCopyToFollowLogicalOrder()
    {
        var x = torch.zeros([2, 2]);
        x.CopyFrom<float>([1, 2, 3, 4]);
        var destination = new float[4];
        x.transpose(0, 1).CopyTo<float>(destination);
        Assert.Equal(new[] { 1f, 3f, 2f, 4f }, destination);
    }

    [Fact]
    public void CopyFromIntoAViewWritesThroughInLogicalOrder()
    {
        var x = torch.zeros([2, 2]);
        x.transpose(0, 1).CopyFrom<float>([1, 2, 3, 4]);
        Assert.Equal(new[] { 1f, 3f, 2f, 4f }, x.data<float>());
    }

    [Fact]
    public void CopyFromRefusesTheWrongLength() =>
        Assert.Throws<TorchException>(() => torch.zeros([3]).CopyFrom<float>([1, 2]));

    [Fact]
    public void LikeFactoriesCopyShapeAndDtype()
    {
        var x = torch.tensor(new[] { 1, 2, 3 }, 3, 1);
        Expect.Exactly(torch.zeros_like(x), [3, 1], new[] { 0, 0, 0 });
        Expect.Exactly(torch.ones_like(x), [3, 1], new[] { 1, 1, 1 });
    }

    [Fact]
    public void AnAliasSharesTheTensorButNotTheHandle()
    {
        var x = torch.tensor(new[] { 1f });
        var alias = x.alias();
        alias.add_(1);
        Assert.Equal(2f, x.item<float>());
        alias.Dispose();
        Assert.Equal(2f, x.item<float>());
    }

    [Fact]
    public void CloneOwnsItsStorage()
    {
        var x = torch.tensor(new[] { 1f });
        var clone = x.clone();
        clone.add_(1);
        Assert.Equal(1f, x.item<float>());
        Assert.Equal(2f, clone.item<float>());
    }

    [Fact]
    public void ToStringWithValuesShowsThem() =>
        Assert.Contains("42", torch.tensor(new[] { 42f }).ToString(values: true));
}
