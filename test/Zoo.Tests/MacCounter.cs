
namespace ModelZoo.Zoo.Tests;

/// <summary>
/// Counts convolution and fully-connected multiply-accumulates per sample with forward hooks, the way
/// shared/reference/architectures.md counts them: conv = output elements · (in / groups) · kh · kw,
/// linear = in · out. BN, activations, pooling and elementwise sums are not counted.
/// </summary>
internal static class MacCounter
{
    /// <summary>Runs <paramref name="model"/> on <paramref name="input"/>; returns the output and the MACs per sample.</summary>
    public static (Tensor Output, long Macs) Run(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        long macs = 0;
        var batch = input.shape[0];
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules())
            switch (module)
            {
                case Conv2d conv:
                    removers.Add(conv.register_forward_hook((_, _, output) =>
                    {
                        macs += output.numel() / batch * (conv.in_channels / conv.groups) * conv.kernel_size[0] * conv.kernel_size[1];
                        return null!;
                    }).remove);
                    break;
                case Linear linear:
                    removers.Add(linear.register_forward_hook((_, x, _) =>
                    {
                        macs += x.numel() / x.shape[^1] / batch * linear.in_features * linear.out_features;
                        return null!;
                    }).remove);
                    break;
            }
        try
        {
            var output = model.call(input);
            return (output, macs);
        }
        finally
        {
            foreach (var remove in removers) remove();
        }
    }
}
