using ModelZoo.Pipelines.Persistence;
using ModelZoo.TorchSharpAdditions.Serialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// The per-parameter state of TorchSharp's SGD, Adam and AdamW as named tensors for ModelZoo's checkpoint
/// files, and back. TorchSharp's own <c>save_state_dict</c> goes through <c>Tensor.Save</c>, which cannot write
/// channels-last tensors, and has a format of its own; these names follow PyTorch's optimizer state dict:
/// <c>state.{i}.{name}</c>, with i counting the parameters across the groups in order and name one of
/// <c>momentum_buffer</c> (SGD), <c>step</c>, <c>exp_avg</c>, <c>exp_avg_sq</c> or <c>max_exp_avg_sq</c> (Adam, AdamW).
/// </summary>
public static class OptimizerStateRecords
{
    /// <summary>Stored copies of <paramref name="optimizer"/>'s state, each name prefixed with <paramref name="prefix"/>.</summary>
    public static List<StoredTensor> Of(OptimizerHelper optimizer, string prefix)
    {
        var records = new List<StoredTensor>();
        var states = optimizer.state_dict().State;
        for (var index = 0; index < states.Count; index++)
        {
            foreach (var (name, tensor) in Tensors(states[index]))
                if (tensor is not null) records.Add(TensorRecords.ToRecord($"{prefix}state.{index}.{name}", tensor));
            if (Step(states[index]) is { } step)
            {
                using var count = torch.tensor(step);
                records.Add(TensorRecords.ToRecord($"{prefix}state.{index}.step", count));
            }
        }
        return records;
    }

    /// <summary>
    /// Replaces <paramref name="optimizer"/>'s state with <paramref name="saved"/> (written by <see cref="Of"/>, prefix
    /// removed); what <paramref name="saved"/> lacks starts afresh. The optimizer must be over parameters shaped as the
    /// saved ones; each state tensor takes its parameter's device and layout.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// A name does not belong to this optimizer, or a tensor's shape or element type does not fit its parameter (the
    /// message names both), or a step count is not one non-negative integer.
    /// </exception>
    public static void Load(OptimizerHelper optimizer, IReadOnlyDictionary<string, Tensor> saved)
    {
        var states = optimizer.state_dict().State;
        var parameters = new List<Parameter>(states.Count);
        foreach (var group in optimizer.ParamGroups.Cast<ParamGroup>())
            foreach (var parameter in group.Parameters)
            {
                states[parameters.Count].Initialize(group.Options);
                parameters.Add(parameter);
            }
        using var noGrad = torch.no_grad();
        foreach (var (key, value) in saved)
        {
            var parts = key.Split('.');
            if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], out var index) || index < 0 || index >= states.Count)
                throw new InvalidDataException($"optimizer state '{key}' does not belong to an optimizer over {states.Count} parameters");
            var state = states[index];
            if (parts[2] == "step")
            {
                SetStep(state, key, value);
                continue;
            }
            var parameter = parameters[index];
            if (!value.shape.SequenceEqual(parameter.shape) || value.dtype != parameter.dtype)
                throw new InvalidDataException(
                    $"optimizer state '{key}' is {value.dtype.TorchName()} [{string.Join(", ", value.shape)}] but parameter {index} is {parameter.dtype.TorchName()} [{string.Join(", ", parameter.shape)}]");
            // The parameter's device and layout (channels-last kernels keep channels-last moments).
            var restored = torch.empty_like(parameter).copy_(value).DetachFromDisposeScope();
            Set(state, key, parts[2], restored);
        }
    }

    private static IEnumerable<(string Name, Tensor? Tensor)> Tensors(OptimizerState state) => state switch
    {
        SGD.State sgd => [("momentum_buffer", sgd.momentum_buffer)],
        Adam.State adam => [("exp_avg", adam.exp_avg), ("exp_avg_sq", adam.exp_avg_sq), ("max_exp_avg_sq", adam.max_exp_avg_sq)],
        AdamW.State adamW => [("exp_avg", adamW.exp_avg), ("exp_avg_sq", adamW.exp_avg_sq), ("max_exp_avg_sq", adamW.max_exp_avg_sq)],
        _ => throw Unsupported(state),
    };

    private static long? Step(OptimizerState state) => state switch
    {
        Adam.State adam => adam.step,
        AdamW.State adamW => adamW.step,
        _ => null,
    };

    private static void SetStep(OptimizerState state, string key, Tensor value)
    {
        if (value.shape.Length != 0 || value.dtype != ScalarType.Int64 || value.ToInt64() < 0)
            throw new InvalidDataException($"optimizer state '{key}' is a {value.dtype.TorchName()} of shape [{string.Join(", ", value.shape)}], not a non-negative int64 scalar");
        switch (state)
        {
            case Adam.State adam: adam.step = value.ToInt64(); break;
            case AdamW.State adamW: adamW.step = value.ToInt64(); break;
            default: throw NotPartOf(state, key);
        }
    }

    private static void Set(OptimizerState state, string key, string name, Tensor value)
    {
        Tensor? old;
        switch (state, name)
        {
            case (SGD.State sgd, "momentum_buffer"): (old, sgd.momentum_buffer) = (sgd.momentum_buffer, value); break;
            case (Adam.State adam, "exp_avg"): (old, adam.exp_avg) = (adam.exp_avg, value); break;
            case (Adam.State adam, "exp_avg_sq"): (old, adam.exp_avg_sq) = (adam.exp_avg_sq, value); break;
            case (Adam.State adam, "max_exp_avg_sq"): (old, adam.max_exp_avg_sq) = (adam.max_exp_avg_sq, value); break;
            case (AdamW.State adamW, "exp_avg"): (old, adamW.exp_avg) = (adamW.exp_avg, value); break;
            case (AdamW.State adamW, "exp_avg_sq"): (old, adamW.exp_avg_sq) = (adamW.exp_avg_sq, value); break;
            case (AdamW.State adamW, "max_exp_avg_sq"): (old, adamW.max_exp_avg_sq) = (adamW.max_exp_avg_sq, value); break;
            default:
                value.Dispose();
                throw NotPartOf(state, key);
        }
        old?.Dispose();
    }

    private static InvalidDataException NotPartOf(OptimizerState state, string key) =>
        new($"optimizer state '{key}' is not part of {OptimizerName(state)}'s state");

    private static string OptimizerName(OptimizerState state) => state.GetType().DeclaringType?.Name ?? state.GetType().Name;

    private static NotSupportedException Unsupported(OptimizerState state) =>
        new($"checkpoints hold the state of SGD, Adam and AdamW, not {OptimizerName(state)}");
}
