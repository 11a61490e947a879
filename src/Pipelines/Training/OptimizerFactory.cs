using ModelZoo.Torch.Modules;
using ModelZoo.Torch.Optim;

namespace ModelZoo.Pipelines.Training;

/// <summary>The optimizer a <see cref="TrainerOptions"/> asks for, over a model's trainable parameters.</summary>
public static class OptimizerFactory
{
    /// <summary>Two parameter groups when decay is off for norms and biases (1-D tensors), as timm does.</summary>
    public static Optimizer Create(TensorModule model, TrainerOptions options)
    {
        var lr = options.EffectiveLearningRateFor(model);
        var decay = options.EffectiveWeightDecay;
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        IReadOnlyList<ParameterGroup> groups = options.NoDecayOnNormAndBias && decay > 0
            ? new[]
            {
                new ParameterGroup(parameters.Where(p => p.dim() > 1).ToList(), lr, decay),
                new ParameterGroup(parameters.Where(p => p.dim() <= 1).ToList(), lr, 0),
            }.Where(g => g.Parameters.Count > 0).ToList()
            : [new ParameterGroup(parameters, lr, decay)];
        return options.Optimizer switch
        {
            OptimizerKind.Sgd => new SGD(groups, options.Momentum, 0, options.Nesterov),
            OptimizerKind.Adam => new Adam(groups),
            OptimizerKind.AdamW => new AdamW(groups),
            _ => throw new ArgumentOutOfRangeException(nameof(options.Optimizer)),
        };
    }
}
