using ModelZoo.Torch.Modules;

namespace ModelZoo.Torch.Tests.Modules;

/// <summary>
/// Channels-last conversion must give 1x1 and depthwise weights channels-last strides even though their
/// sizes of 1 make NCHW strides pass as channels-last: libtorch's kernels read the strides
/// (suggest_memory_format) and otherwise take the NCHW path and reorder the weight on every call.
/// </summary>
public sealed class MemoryFormatTests
{
    [Fact]
    public void PointwiseWeightGetsChannelsLastStrides()
    {
        using var weight = torch.zeros([4, 3, 1, 1]);
        Assert.True(weight.is_contiguous(MemoryFormat.ChannelsLast)); // ambiguous by sizes
        Assert.Equal(MemoryFormat.Contiguous, weight.suggest_memory_format());
        using var converted = weight.to(MemoryFormat.ChannelsLast);
        Assert.Equal([3L, 1, 3, 3], converted.stride());
        Assert.Equal(MemoryFormat.ChannelsLast, converted.suggest_memory_format());
    }

    [Fact]
    public void DepthwiseWeightGetsChannelsLastStrides()
    {
        using var weight = torch.arange(18, ScalarType.Float32).reshape(2, 1, 3, 3);
        using var converted = weight.to(MemoryFormat.ChannelsLast);
        Assert.Equal([9L, 1, 3, 1], converted.stride());
        Assert.Equal(MemoryFormat.ChannelsLast, converted.suggest_memory_format());
        Expect.Close(converted, [2, 1, 3, 3], Enumerable.Range(0, 18).Select(i => (double)i).ToArray());
    }

    [Fact]
    public void AlreadyConvertedTensorIsNotCopied()
    {
        using var x = torch.randn([2, 3, 4, 5]);
        using var nhwc = x.to(MemoryFormat.ChannelsLast);
        using var again = nhwc.to(MemoryFormat.ChannelsLast);
        again.fill_(3);
        Assert.Equal(3 * 120, nhwc.sum().item<double>()); // the same storage, not a copy
    }

    [Fact]
    public void ModuleConversionLeavesEveryConvWeightChannelsLast()
    {
        var model = new Sequential(new Conv2d(3, 8, 1), new Conv2d(8, 8, 3, padding: 1, groups: 8), new Conv2d(8, 4, 3));
        model.to(MemoryFormat.ChannelsLast);
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.dim() != 4) continue;
            Assert.True(parameter.suggest_memory_format() == MemoryFormat.ChannelsLast, $"{name} strides [{string.Join(", ", parameter.stride())}]");
        }
    }
}
