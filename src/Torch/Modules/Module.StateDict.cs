namespace ModelZoo.Torch.Modules;

public abstract partial class Module
{
    /// <summary>
    /// Every parameter and persistent buffer under its PyTorch name, in registration order.
    /// The tensors are the module's own: do not dispose them.
    /// </summary>
    public OrderedDictionary<string, Tensor> state_dict()
    {
        var state = new OrderedDictionary<string, Tensor>();
        foreach (var (name, module) in named_modules())
        {
            var prefix = name.Length == 0 ? "" : name + ".";
            foreach (var (parameterName, parameter) in module.ownParameters)
                if (parameter is not null) state.Add(prefix + parameterName, parameter);
            foreach (var slot in module.ownBuffers)
                if (slot.Persistent && slot.Value is not null) state.Add(prefix + slot.Name, slot.Value);
        }
        return state;
    }

    /// <summary>
    /// Copies values into the parameters and buffers with the same names. With <paramref name="strict"/>,
    /// a missing or unexpected name is an error; a shape mismatch always is, naming the tensor and both shapes.
    /// </summary>
    /// <returns>The names this module has that <paramref name="state"/> lacked, and the names it had that this module lacks.</returns>
    public (IReadOnlyList<string> missing, IReadOnlyList<string> unexpected) load_state_dict(
        IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = state_dict();
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
        if (strict && (missing.Count > 0 || unexpected.Count > 0))
            throw new InvalidDataException(
                $"state dict does not match {TypeName}: " +
                (missing.Count > 0 ? $"missing {Describe(missing)}" : "") +
                (missing.Count > 0 && unexpected.Count > 0 ? "; " : "") +
                (unexpected.Count > 0 ? $"unexpected {Describe(unexpected)}" : ""));

        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out var source)) continue;
            var expected = target.shape;
            var actual = source.shape;
            if (!expected.SequenceEqual(actual))
                throw new InvalidDataException(
                    $"tensor '{name}' has shape [{string.Join(", ", actual)}] but the model expects [{string.Join(", ", expected)}]");
        }
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in own)
            if (state.TryGetValue(name, out var source))
                target.copy_(source);
        return (missing, unexpected);
    }

    private static string Describe(List<string> names) =>
        string.Join(", ", names.Take(5).Select(n => $"'{n}'")) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");
}
