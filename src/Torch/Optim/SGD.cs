using ModelZoo.Torch.Modules;

namespace ModelZoo.Torch.Optim;

/// <summary>Stochastic gradient descent with momentum and Nesterov momentum, as torch.optim.SGD.</summary>
public sealed class SGD(IReadOnlyList<ParameterGroup> groups, double momentum = 0, double dampening = 0, bool nesterov = false)
    : Optimizer(groups)
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double weightDecay = 0, bool nesterov = false)
        : this([new ParameterGroup(parameters.ToList(), lr, weightDecay)], momentum, 0, nesterov) { }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; } = nesterov && momentum <= 0
        ? throw new ArgumentException("Nesterov momentum needs momentum > 0")
        : momentum;

    /// <inheritdoc />
    protected override void Update(ParameterGroup group, int index, Parameter parameter, Tensor grad)
    {
        var step = group.WeightDecay != 0 ? grad.add(parameter, group.WeightDecay) : grad;
        if (Momentum != 0)
        {
            var fresh = !HasState(index, "momentum_buffer");
            var buffer = State(index, "momentum_buffer", step.clone);
            if (!fresh) buffer.mul_(Momentum).add_(step, 1 - dampening);
            step = nesterov ? step.add(buffer, Momentum) : buffer;
        }
        parameter.sub_(step, group.LearningRate);
    }
}
