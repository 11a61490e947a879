using ModelZoo.Zoo.Layers;

namespace ModelZoo.Onnx.Tests;

/// <summary>
/// Batch-norm statistics and affine parameters away from their initial 0/1, so an exporter that dropped or
/// misordered any of them (or folded them wrongly) would change the logits.
/// </summary>
internal static class RandomStatistics
{
    public static void Apply(nn.Module model, int seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var (_, module) in model.named_modules())
            if (module is BatchNorm2d bn)
            {
                var n = bn.Features;
                bn.running_mean.copy_(randn(n, generator: generator) * 0.2);
                bn.running_var.copy_(rand(n, generator: generator) + 0.5);
                bn.weight.copy_(rand(n, generator: generator) + 0.5);
                bn.bias.copy_(randn(n, generator: generator) * 0.2);
            }
    }
}
