using ModelZoo.Torch.Modules;

namespace ModelZoo.Torch.Optim;

/// <summary>Parameters that share a learning rate and weight decay (PyTorch's param_groups).</summary>
public sealed class ParameterGroup(IReadOnlyList<Parameter> parameters, double learningRate, double weightDecay = 0)
{
    /// <summary>The parameters.</summary>
    public IReadOnlyList<Parameter> Parameters { get; } = parameters;

    /// <summary>Current learning rate (schedules set it every step).</summary>
    public double LearningRate { get; set; } = learningRate;

    /// <summary>Weight decay (L2 for SGD and Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; set; } = weightDecay;
}

/// <summary>
/// Base of the optimizers: updates parameters in place from their gradients, keeps per-parameter
/// state as tensors it owns, and exposes that state by name so checkpoints can resume exactly.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Dictionary<(int parameter, string name), Tensor> state = [];
    private readonly Dictionary<int, long> parameterSteps = [];
    private readonly List<Parameter> ordered = [];
    private readonly Dictionary<Parameter, int> indexes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer over <paramref name="groups"/>.</summary>
    protected Optimizer(IReadOnlyList<ParameterGroup> groups)
    {
        if (groups.Count == 0) throw new ArgumentException("an optimizer needs at least one parameter group");
        ParamGroups = groups;
        foreach (var group in groups)
            foreach (var parameter in group.Parameters)
            {
                if (!indexes.TryAdd(parameter, ordered.Count))
                    throw new ArgumentException("a parameter appears in more than one parameter group");
                ordered.Add(parameter);
            }
    }

    /// <summary>The parameter groups.</summary>
    public IReadOnlyList<ParameterGroup> ParamGroups { get; }

    /// <summary>Steps taken so far.</summary>
    public long StepCount { get; protected set; }

    /// <summary>Sets every group's learning rate.</summary>
    public double LearningRate
    {
        get => ParamGroups[0].LearningRate;
        set
        {
            foreach (var group in ParamGroups) group.LearningRate = value;
        }
    }

    /// <summary>Drops every gradient (PyTorch's set_to_none).</summary>
    public void zero_grad()
    {
        foreach (var parameter in ordered) parameter.grad = null;
    }

    /// <summary>One update of every parameter that has a gradient, one multi-tensor call per group.</summary>
    public void step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        StepCount++;
        foreach (var group in ParamGroups)
        {
            var updates = new List<ParameterUpdate>(group.Parameters.Count);
            foreach (var parameter in group.Parameters)
                if (parameter.grad is { } grad)
                {
                    var index = indexes[parameter];
                    parameterSteps[index] = parameterSteps.GetValueOrDefault(index) + 1;
                    updates.Add(new ParameterUpdate(index, parameter, grad));
                }
            if (updates.Count > 0) Update(group, updates);
        }
    }

    /// <summary>
    /// Steps parameter <paramref name="index"/> has been updated in, this one included (PyTorch keeps
    /// state["step"] per parameter: one that first gets a gradient late starts its bias correction late).
    /// </summary>
    protected long StepsOf(int index) => parameterSteps.GetValueOrDefault(index);

    /// <summary>A parameter that has a gradient this step, with its index in the optimizer's state.</summary>
    protected readonly record struct ParameterUpdate(int Index, Parameter Parameter, Tensor Grad);

    /// <summary>Updates the parameters of one group in place; runs under no_grad inside a dispose scope.</summary>
    protected abstract void Update(ParameterGroup group, IReadOnlyList<ParameterUpdate> updates);

    /// <summary>The state tensor <paramref name="name"/> of parameter <paramref name="index"/>, created by <paramref name="create"/> on first use.</summary>
    protected Tensor State(int index, string name, Func<Tensor> create)
    {
        if (state.TryGetValue((index, name), out var existing)) return existing;
        var created = create().DetachFromDisposeScope();
        state[(index, name)] = created;
        return created;
    }

    /// <summary>Whether parameter <paramref name="index"/> has state <paramref name="name"/> yet.</summary>
    protected bool HasState(int index, string name) => state.ContainsKey((index, name));

    /// <summary>
    /// The optimizer's state by name ("state.{i}.{name}", "state.{i}.step", "step"), for checkpoints.
    /// The tensors are the optimizer's own where owned is true; the caller disposes the others.
    /// </summary>
    public IEnumerable<(string name, Tensor tensor, bool owned)> StateDict()
    {
        foreach (var ((index, name), tensor) in state.OrderBy(s => s.Key.parameter).ThenBy(s => s.Key.name, StringComparer.Ordinal))
            yield return ($"state.{index}.{name}", tensor, true);
        foreach (var (index, steps) in parameterSteps.OrderBy(p => p.Key))
            yield return ($"state.{index}.step", torch.scalar_tensor(steps, ScalarType.Int64).DetachFromDisposeScope(), false);
        yield return ("step", torch.scalar_tensor(StepCount, ScalarType.Int64).DetachFromDisposeScope(), false);
    }

    /// <summary>Restores state written by <see cref="StateDict"/>; the optimizer must be over the same parameters.</summary>
    /// <exception cref="InvalidDataException">
    /// A name, shape or element type does not fit this optimizer's parameters (the message names both), or the step
    /// count is not one non-negative integer.
    /// </exception>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> saved)
    {
        foreach (var tensor in state.Values) tensor.Dispose();
        state.Clear();
        parameterSteps.Clear();
        using var noGrad = torch.no_grad();
        foreach (var (key, value) in saved)
        {
            if (key == "step")
            {
                if (value.shape.Length != 0 || value.dtype != ScalarType.Int64 || value.item<long>() < 0)
                    throw new InvalidDataException($"optimizer step count is a {value.dtype.TorchName()} of shape [{string.Join(", ", value.shape)}], not a non-negative int64 scalar");
                StepCount = value.item<long>();
                continue;
            }
            var parts = key.Split('.');
            if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], out var index) || index < 0 || index >= ordered.Count)
                throw new InvalidDataException($"optimizer state '{key}' does not belong to an optimizer over {ordered.Count} parameters");
            if (parts[2] == "step")
            {
                if (value.shape.Length != 0 || value.dtype != ScalarType.Int64 || value.item<long>() < 0)
                    throw new InvalidDataException($"optimizer state '{key}' is a {value.dtype.TorchName()} of shape [{string.Join(", ", value.shape)}], not a non-negative int64 scalar");
                parameterSteps[index] = value.item<long>();
                continue;
            }
            // Every state tensor (momentum, Adam's moments) is shaped and typed like its parameter.
            var parameter = ordered[index];
            if (!value.shape.SequenceEqual(parameter.shape) || value.dtype != parameter.dtype)
                throw new InvalidDataException(
                    $"optimizer state '{key}' is {value.dtype.TorchName()} [{string.Join(", ", value.shape)}] but parameter {index} is {parameter.dtype.TorchName()} [{string.Join(", ", parameter.shape)}]");
            using var device = value.to(parameter.device);
            state[(index, parts[2])] = device.clone().DetachFromDisposeScope();
        }
        // Checkpoints from before per-parameter steps: every parameter with state has taken every step.
        foreach (var (index, _) in state.Keys)
            parameterSteps.TryAdd(index, StepCount);
    }

    /// <summary>Frees the optimizer's state tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in state.Values) tensor.Dispose();
        state.Clear();
        GC.SuppressFinalize(this);
    }
}
