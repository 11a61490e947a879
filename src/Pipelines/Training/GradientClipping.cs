using ModelZoo.Torch;
using ModelZoo.Torch.Modules;

namespace ModelZoo.Pipelines.Training;

/// <summary>torch.nn.utils.clip_grad_norm_: scales every gradient so their global L2 norm is at most a bound.</summary>
public static class GradientClipping
{
    /// <summary>Clips in place and returns the norm before clipping.</summary>
    public static double ClipNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToList();
        if (grads.Count == 0) return 0;
        var squares = grads.Select(g => g.to(ScalarType.Float64).pow(2).sum()).ToList();
        var total = Math.Sqrt(torch.stack(squares).sum().item<double>());
        var factor = maxNorm / (total + 1e-6);
        if (factor < 1)
            foreach (var grad in grads) grad.mul_(factor);
        return total;
    }
}
