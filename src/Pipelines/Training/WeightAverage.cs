using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// An exponential moving average of a model's weights (timm's ModelEmaV2): after every step
/// ema = decay · ema + (1 − decay) · weights; buffers (batch-norm statistics) are copied.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private readonly double decay;
    private readonly Dictionary<string, Tensor> average;

    /// <summary>Starts the average at the model's current weights.</summary>
    public WeightAverage(nn.Module model, double decay)
    {
        this.decay = decay;
        average = Copy(model);
    }

    /// <summary>The averaged tensors by state-dict name (owned by this object).</summary>
    public IReadOnlyDictionary<string, Tensor> State => average;

    /// <summary>Folds the model's current weights into the average.</summary>
    public void Update(nn.Module model)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (name, value) in model.state_dict())
        {
            var target = average[name];
            if (value.is_floating_point()) target.mul_(decay).add_(value, 1 - decay);
            else target.copy_(value);
        }
    }

    /// <summary>Puts the averaged weights into the model until the result is disposed (for validation).</summary>
    public IDisposable Swap(nn.Module model)
    {
        var saved = Copy(model);
        CopyTo(model);
        return new Restore(model, saved);
    }

    /// <summary>Copies the averaged weights into the model for good.</summary>
    public void CopyTo(nn.Module model) => model.load_state_dict(average);

    /// <summary>Replaces the average (resuming from a checkpoint).</summary>
    /// <exception cref="InvalidDataException">A value is missing or shaped unlike the model's tensor (the message names both shapes).</exception>
    public void Load(IReadOnlyDictionary<string, Tensor> state)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in average)
        {
            if (!state.TryGetValue(name, out var value)) throw new InvalidDataException($"checkpoint has no EMA value for '{name}'");
            if (!value.shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"EMA value '{name}' has shape [{string.Join(", ", value.shape)}] but the model's is [{string.Join(", ", target.shape)}]");
            target.copy_(value);
        }
    }

    /// <summary>A copy of the model's state the caller owns; the scope frees the detached views, which would otherwise wait for the finalizer.</summary>
    private static Dictionary<string, Tensor> Copy(nn.Module model)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
    }

    /// <summary>Frees the averaged tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in average.Values) tensor.Dispose();
        average.Clear();
    }

    private sealed class Restore(nn.Module model, Dictionary<string, Tensor> saved) : IDisposable
    {
        public void Dispose()
        {
            model.load_state_dict(saved);
            foreach (var tensor in saved.Values) tensor.Dispose();
            saved.Clear();
        }
    }
}
