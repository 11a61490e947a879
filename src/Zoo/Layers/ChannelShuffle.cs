using ModelZoo.Torch;
using ModelZoo.Torch.Modules;

namespace ModelZoo.Zoo.Layers;

/// <summary>
/// ShuffleNet's channel shuffle (Zhang et al., arXiv:1707.01083, §3.1): with g groups of n channels,
/// reshape to (g, n), transpose to (n, g) and flatten, so the next group convolution sees channels
/// from every group. Channel k·n + i moves to position i·g + k.
/// </summary>
public sealed class ChannelShuffle(long groups) : TensorModule
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
        // reshape, not view: a channels_last input has no NCHW-compatible strides.
        using var grouped = input.reshape(n, Groups, c / Groups, h, w);
        using var swapped = grouped.transpose(1, 2);
        using var dense = swapped.contiguous();
        return dense.view(n, c, h, w);
    }
}
