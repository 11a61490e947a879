using ModelZoo.Torch;
using ModelZoo.Torch.Modules;

namespace ModelZoo.Zoo.Tests;

/// <summary>
/// Counts convolution and fully-connected multiply-accumulates per sample with forward hooks, the way
/// shared/reference/architectures.md counts them: conv = output elements · (in / groups) · kh · kw,
/// linear = in · out. BN, activations, pooling and elementwise sums are not counted.
/// </summary>
internal static class MacCounter
{
    /// <summary>Runs <paramref name="model"/> on <paramref name="input"/>; returns the output and the MACs per sample.</summary>
    public static (Tensor Output, long Macs) Run(TensorModule model, Tensor input)
    {
        long macs = 0;
        var batch = input.shape[0];
        var hooks = new List<IDisposable>();
        foreach (var (_, module) in model.named_modules())
            switch (module)
            {
                case Conv2d conv:
                    hooks.Add(conv.register_forward_hook((_, _, output) =>
                        macs += output.numel() / batch * (conv.InChannels / conv.Groups) * conv.KernelSize.Item1 * conv.KernelSize.Item2));
                    break;
                case Linear linear:
                    hooks.Add(linear.register_forward_hook((_, x, _) =>
                        macs += x.numel() / x.shape[^1] / batch * linear.InFeatures * linear.OutFeatures));
                    break;
            }
        try
        {
            var output = model.call(input);
            return (output, macs);
        }
        finally
        {
            foreach (var hook in hooks) hook.Dispose();
        }
    }
}
