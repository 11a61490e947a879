using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Tests;

public sealed class ChannelShuffleTests
{
    /// <summary>6 channels, 2×2 pixels; channel k holds the value 10·k + pixel index.</summary>
    private static Tensor Numbered() =>
        torch.tensor(Enumerable.Range(0, 6).SelectMany(k => Enumerable.Range(0, 4).Select(p => (float)(10 * k + p))).ToArray(), 1, 6, 2, 2);

    [Theory]
    [InlineData(MemoryFormat.Contiguous)]
    [InlineData(MemoryFormat.ChannelsLast)]
    public void ChannelKTimesNPlusIMovesToITimesGPlusK(MemoryFormat format)
    {
        using var input = Numbered();
        using var laidOut = input.to(format);
        using var shuffle = new ChannelShuffle(3);
        using var output = shuffle.call(laidOut);
        // g = 3 groups of n = 2: channels (0 1 | 2 3 | 4 5) become (0 2 4 1 3 5).
        int[] order = [0, 2, 4, 1, 3, 5];
        var expected = order.SelectMany(k => Enumerable.Range(0, 4).Select(p => (float)(10 * k + p))).ToArray();
        Assert.Equal([1L, 6, 2, 2], output.shape);
        Assert.Equal(expected, output.data<float>());
        // A channels-last input stays channels-last, so the next convolution needs no reordering.
        Assert.Equal(format == MemoryFormat.ChannelsLast, output.is_channels_last() && !output.is_contiguous());
    }
}
