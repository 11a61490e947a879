using ModelZoo.TorchSharpAdditions;


namespace ModelZoo.Zoo.Layers;

/// <summary>
/// ShuffleNet's channel shuffle (Zhang et al., arXiv:1707.01083, §3.1): with g groups of n channels,
/// reshape to (g, n), transpose to (n, g) and flatten, so the next group convolution sees channels
/// from every group. Channel k·n + i moves to position i·g + k.
/// </summary>
public sealed class ChannelShuffle(long groups) : ZooModule
{
    /// <summary>Number of groups g.</summary>
    public long Groups { get; } = groups >= 1 ? groups : throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be at least 1");

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var shape = input.shape;
        if (shape.Length != 4 || shape[1] % Groups != 0)
            throw new ArgumentException($"channel shuffle with {Groups} groups needs [N, C, H, W] with C divisible by {Groups}, got [{string.Join(", ", shape)}]");
        if (Groups == 1) return input.alias();
        var (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3]);
        if (input.is_channels_last())
        {
            // Shuffle inside the NHWC storage and hand back a channels-last tensor: going through NCHW would
            // cost the next convolution a second reordering copy.
            using var pixels = input.permute(0, 2, 3, 1);
            using var pixelGroups = pixels.view(n, h, w, Groups, c / Groups);
            using var pixelSwapped = pixelGroups.transpose(3, 4);
            using var pixelDense = pixelSwapped.contiguous();
            using var shuffled = pixelDense.view(n, h, w, c);
            return shuffled.permute(0, 3, 1, 2);
        }
        using var grouped = input.reshape(n, Groups, c / Groups, h, w);
        using var swapped = grouped.transpose(1, 2);
        using var dense = swapped.contiguous();
        return dense.view(n, c, h, w);
    }
}
