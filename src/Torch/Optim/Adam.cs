using ModelZoo.Torch.Modules;

namespace ModelZoo.Torch.Optim;

/// <summary>
/// Adam (Kingma and Ba, arXiv:1412.6980) as torch.optim.Adam, and with <c>decoupled</c> weight decay
/// AdamW (Loshchilov and Hutter, arXiv:1711.05101) as torch.optim.AdamW.
/// </summary>
public class Adam(IReadOnlyList<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, bool decoupled = false)
    : Optimizer(groups)
{
    /// <summary>One group over <paramref name="parameters"/> with L2 weight decay.</summary>
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double weightDecay = 0)
        : this([new ParameterGroup(parameters.ToList(), lr, weightDecay)]) { }

    /// <inheritdoc />
    protected override void Update(ParameterGroup group, IReadOnlyList<ParameterUpdate> updates)
    {
        // Bias corrections depend on each parameter's own step count: one multi-tensor call per count
        // (a single call unless some parameters started late).
        foreach (var sameStep in updates.GroupBy(u => StepsOf(u.Index)))
        {
            var batch = sameStep.ToList();
            var averages = batch.Select(u => State(u.Index, "exp_avg", () => torch.zeros_like(u.Parameter))).ToList();
            var squares = batch.Select(u => State(u.Index, "exp_avg_sq", () => torch.zeros_like(u.Parameter))).ToList();
            MultiTensor.Adam(batch.Select(u => (Tensor)u.Parameter).ToList(), batch.Select(u => u.Grad).ToList(), averages, squares,
                group.LearningRate, beta1, beta2, eps, group.WeightDecay, decoupled, sameStep.Key);
        }
    }
}

/// <summary>Adam with decoupled weight decay, as torch.optim.AdamW (default decay 0.01).</summary>
public sealed class AdamW(IReadOnlyList<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    : Adam(groups, beta1, beta2, eps, decoupled: true)
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double weightDecay = 0.01)
        : this([new ParameterGroup(parameters.ToList(), lr, weightDecay)]) { }
}
