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
    protected override void Update(ParameterGroup group, int index, Parameter parameter, Tensor grad)
    {
        if (decoupled && group.WeightDecay != 0) parameter.mul_(1 - group.LearningRate * group.WeightDecay);
        var g = !decoupled && group.WeightDecay != 0 ? grad.add(parameter, group.WeightDecay) : grad;
        var average = State(index, "exp_avg", () => torch.zeros_like(parameter));
        var averageSquare = State(index, "exp_avg_sq", () => torch.zeros_like(parameter));
        average.lerp_(g, 1 - beta1);
        averageSquare.mul_(beta2).addcmul_(g, g, 1 - beta2);
        var correction1 = 1 - Math.Pow(beta1, StepCount);
        var correction2 = 1 - Math.Pow(beta2, StepCount);
        var denominator = averageSquare.sqrt().div_(Math.Sqrt(correction2)).add_(eps);
        parameter.addcdiv_(average, denominator, -group.LearningRate / correction1);
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
