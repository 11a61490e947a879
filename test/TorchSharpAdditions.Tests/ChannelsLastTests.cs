using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.TorchSharpAdditions.Tests;

/// <summary>
/// Channels-last through strides must give 1×1 and depthwise weights PyTorch's channels-last strides even though
/// their sizes of 1 let NCHW strides pass as channels-last: libtorch's kernels read the strides
/// (suggest_memory_format) and otherwise take the NCHW path and reorder the weight on every call.
/// The expected strides are those of PyTorch's <c>x.to(memory_format=torch.channels_last)</c>.
/// </summary>
public sealed class ChannelsLastTests
{
    [Fact]
    public void PointwiseWeightGetsPyTorchsChannelsLastStrides()
    {
        using var weight = zeros(4, 3, 1, 1);
        Assert.Equal([3L, 1, 1, 1], weight.stride());
        using var converted = weight.to(MemoryFormat.ChannelsLast);
        Assert.Equal([3L, 1, 3, 3], converted.stride());
        Assert.True(converted.is_channels_last());
    }

    [Fact]
    public void DepthwiseWeightKeepsItsValuesUnderChannelsLastStrides()
    {
        using var weight = arange(18, ScalarType.Float32).reshape(2, 1, 3, 3);
        using var converted = weight.to(MemoryFormat.ChannelsLast);
        Assert.Equal([9L, 1, 3, 1], converted.stride());
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (float)i).ToArray(), converted.contiguous().data<float>().ToArray());
    }

    [Fact]
    public void AnNchwTensorIsNotChannelsLastAndBackToContiguousRestoresNchwStrides()
    {
        using var x = randn(2, 3, 4, 5);
        Assert.False(x.is_channels_last());
        using var nhwc = x.to(MemoryFormat.ChannelsLast);
        Assert.Equal([60L, 1, 15, 3], nhwc.stride());
        using var back = nhwc.to(MemoryFormat.Contiguous);
        Assert.Equal([60L, 20, 5, 1], back.stride());
        Assert.Equal(0, back.max_abs_diff(x));
    }

    [Fact]
    public void AlreadyConvertedTensorIsNotCopied()
    {
        using var x = randn(2, 3, 4, 5);
        using var nhwc = x.to(MemoryFormat.ChannelsLast);
        using var again = nhwc.to(MemoryFormat.ChannelsLast);
        again.fill_(3);
        Assert.Equal(3 * 120, nhwc.sum().item<float>()); // the same storage, not a copy
    }

    [Fact]
    public void ModuleConversionLeavesEveryConvWeightChannelsLastAndConvolutionKeepsTheLayout()
    {
        using var model = nn.Sequential(nn.Conv2d(3, 8, 1), nn.Conv2d(8, 8, 3, padding: 1, groups: 8), nn.Conv2d(8, 4, 3));
        using var input = randn(2, 3, 9, 9);
        using var expected = model.call(input);
        model.to(MemoryFormat.ChannelsLast);
        foreach (var (name, parameter) in model.named_parameters())
            if (parameter.dim() == 4)
                Assert.True(parameter.is_channels_last(), $"{name} strides [{string.Join(", ", parameter.stride())}]");
        using var nhwcInput = input.to(MemoryFormat.ChannelsLast);
        using var output = model.call(nhwcInput);
        Assert.True(output.is_channels_last());
        Assert.True(output.max_abs_diff(expected) < 1e-5);
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("NCHW", MemoryFormat.Contiguous)]
    [InlineData(" nhwc ", MemoryFormat.ChannelsLast)]
    [InlineData("channels_last", MemoryFormat.ChannelsLast)]
    public void ParseAcceptsTheCliSpellings(string text, MemoryFormat? expected) =>
        Assert.Equal(expected, MemoryFormats.Parse(text));

    [Fact]
    public void ParseNamesTheBadValue() =>
        Assert.Equal("unknown memory format 'nwhc' (expected auto, nchw or nhwc)",
            Assert.Throws<ArgumentException>(() => MemoryFormats.Parse("nwhc")).Message);
}
