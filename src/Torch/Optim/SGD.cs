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
    protected override void Update(ParameterGroup group, IReadOnlyList<ParameterUpdate> updates)
    {
        if (Momentum == 0)
        {
            Apply(group, updates, null, first: false);
            return;
        }
        // A parameter's buffer starts as its first gradient; parameters that had no gradient until now start later.
        var fresh = updates.Where(u => !HasState(u.Index, "momentum_buffer")).ToList();
        var running = updates.Where(u => HasState(u.Index, "momentum_buffer")).ToList();
        if (fresh.Count > 0) Apply(group, fresh, Buffers(fresh), first: true);
        if (running.Count > 0) Apply(group, running, Buffers(running), first: false);
    }

    private List<Tensor> Buffers(IReadOnlyList<ParameterUpdate> updates) =>
        updates.Select(u => State(u.Index, "momentum_buffer", () => torch.zeros_like(u.Parameter))).ToList();

    private void Apply(ParameterGroup group, IReadOnlyList<ParameterUpdate> updates, IReadOnlyList<Tensor>? buffers, bool first) =>
        MultiTensor.Sgd(updates.Select(u => (Tensor)u.Parameter).ToList(), updates.Select(u => u.Grad).ToList(), buffers,
            group.LearningRate, Momentum, dampening, group.WeightDecay, nesterov, first);
}
