namespace ModelZoo.Torch.Tests.Runtime;

/// <summary>libtorch errors become TorchExceptions with libtorch's message, and the process goes on.</summary>
public class NativeErrorTests
{
    [Fact]
    public void MismatchedConvolutionShapes()
    {
        var input = torch.ones([1, 3, 4, 4]);
        var weight = torch.ones([2, 4, 3, 3]);
        var error = Assert.Throws<TorchException>(() => F.conv2d(input, weight));
        Assert.Contains("expected input[1, 3, 4, 4] to have 4 channels, but got 3 channels instead", error.Message);
        // libtorch's message without its C++ backtrace.
        Assert.DoesNotContain("Exception raised from", error.Message);

        // The next call on the same thread works.
        Expect.Close(F.conv2d(torch.ones([1, 4, 3, 3]), weight), [1, 2, 1, 1], [36, 36]);
    }

    [Fact]
    public void BadDtypes()
    {
        var error = Assert.Throws<TorchException>(() => torch.tensor(new long[] { 1, 2 }).requires_grad_());
        Assert.Contains("floating point", error.Message);

        error = Assert.Throws<TorchException>(() => F.cross_entropy(torch.ones([2, 3]), torch.tensor(new float[] { 0, 1 })));
        Assert.Contains("Float", error.Message);

        error = Assert.Throws<TorchException>(() => torch.ones([2, 2]).matmul(torch.ones([2, 2], ScalarType.Float64)));
        Assert.Contains("Double", error.Message);

        error = Assert.Throws<TorchException>(() => torch.zeros([1], (ScalarType)9));
        Assert.Contains("unsupported dtype code 9", error.Message);

        Assert.Equal(2f, torch.ones([2]).sum().item<float>());
    }

    [Fact]
    public void OutOfRangeIndices()
    {
        var x = torch.arange(3, ScalarType.Float32);
        var error = Assert.Throws<TorchException>(() => x.index_select(0, torch.tensor(new long[] { 5 })));
        Assert.Contains("out of range", error.Message);

        error = Assert.Throws<TorchException>(() => x.select(0, 7));
        Assert.Contains("index 7 out of range", error.Message);

        error = Assert.Throws<TorchException>(() => x.narrow(0, 2, 5));
        Assert.Contains("exceeds dimension size", error.Message);

        error = Assert.Throws<TorchException>(() => x.sum(3));
        Assert.Contains("Dimension out of range", error.Message);

        error = Assert.Throws<TorchException>(() => x.split(2, dim: 1));
        Assert.Contains("Dimension out of range", error.Message);

        error = Assert.Throws<TorchException>(() => F.cross_entropy(torch.ones([1, 3]), torch.tensor(new long[] { 5 })));
        Assert.Contains("Target 5 is out of bounds", error.Message);

        Expect.Close(x.index_select(0, torch.tensor(new long[] { 2 })), [1], [2]);
    }

    [Fact]
    public void EachThreadKeepsItsOwnMessage()
    {
        string? other = null;
        var error = Assert.Throws<TorchException>(() => torch.ones([2]).view(3));
        var thread = new Thread(() =>
        {
            try { torch.ones([1, 2]).select(1, 9); }
            catch (TorchException e) { other = e.Message; }
        });
        thread.Start();
        thread.Join();
        Assert.Contains("index 9 out of range", other);
        Assert.Contains("[3]", error.Message);
        Assert.DoesNotContain("index 9", error.Message);
    }
}
