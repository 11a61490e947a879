using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Training;

/// <summary>What one optimizer step produced: the loss and the logits (owned by the caller's dispose scope).</summary>
public readonly record struct StepOutput(double Loss, Tensor Logits);

/// <summary>
/// One optimizer step — forward, cross-entropy, backward, optional gradient clipping, update — exactly as
/// the trainer runs it, so the benchmark measures the same code users train with. Run it inside a dispose
/// scope: every intermediate belongs to that scope; the optimizer updates parameters in place.
/// </summary>
public sealed class TrainingStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, double labelSmoothing = 0, double? gradientClipNorm = null)
{
    private readonly IReadOnlyList<Parameter> parameters = model.parameters().ToList();

    /// <summary>
    /// Runs one step on <paramref name="input"/> and <paramref name="target"/> (already on the model's
    /// device and in its memory format). Throws <see cref="TrainingDivergedException"/> from
    /// <paramref name="divergence"/> when the loss is not finite, before any weight changes.
    /// </summary>
    public StepOutput Run(Tensor input, Tensor target, Func<double, Exception>? divergence = null)
    {
        var logits = model.call(input);
        var loss = F.cross_entropy(logits, target, label_smoothing: labelSmoothing);
        var lossValue = loss.ToDouble();
        if (!double.IsFinite(lossValue))
            throw divergence?.Invoke(lossValue) ?? new TrainingDivergedException($"training diverged: the loss is {lossValue}");
        optimizer.zero_grad();
        loss.backward();
        if (gradientClipNorm is { } maxNorm) nn.utils.clip_grad_norm_(parameters, maxNorm);
        optimizer.step();
        return new StepOutput(lossValue, logits);
    }
}
