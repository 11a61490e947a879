using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>
/// Loading stored weights into a module with the checks files from outside need. TorchSharp's
/// <c>load_state_dict</c> throws one message for any name mismatch and copies with broadcasting, so a tensor of
/// another shape that broadcasts would load silently; here every name and shape is checked first and the error
/// names them.
/// </summary>
public static class StateDicts
{
    /// <summary>
    /// Copies <paramref name="state"/> into the parameters and buffers of <paramref name="module"/> with the same
    /// names (their device and layout stay). With <paramref name="strict"/>, a missing or unexpected name is an
    /// error; a shape mismatch always is.
    /// </summary>
    /// <exception cref="InvalidDataException">A name or shape does not fit; the message names the tensors and both shapes.</exception>
    public static void Load(nn.Module module, IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = module.state_dict();
        var missing = own.Keys.Where(name => !state.ContainsKey(name)).ToList();
        var unexpected = state.Keys.Where(name => !own.ContainsKey(name)).ToList();
        if (strict && (missing.Count > 0 || unexpected.Count > 0))
            throw new InvalidDataException(
                $"state dict does not match {module.GetType().Name}: " +
                (missing.Count > 0 ? $"missing {Names(missing)}" : "") +
                (missing.Count > 0 && unexpected.Count > 0 ? "; " : "") +
                (unexpected.Count > 0 ? $"unexpected {Names(unexpected)}" : ""));
        foreach (var (name, target) in own)
            if (state.TryGetValue(name, out var source) && !source.shape.SequenceEqual(target.shape))
                throw new InvalidDataException(
                    $"tensor '{name}' has shape [{string.Join(", ", source.shape)}] but the model expects [{string.Join(", ", target.shape)}]");
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in own)
            if (state.TryGetValue(name, out var source))
                target.copy_(source);
    }

    /// <summary>Up to five quoted names and how many more, for messages.</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" :
        string.Join(", ", names.Take(5).Select(n => $"'{n}'")) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");
}
