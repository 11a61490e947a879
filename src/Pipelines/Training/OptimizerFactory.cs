using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>The TorchSharp optimizer a <see cref="TrainerOptions"/> asks for, over a model's trainable parameters.</summary>
public static class OptimizerFactory
{
    /// <summary>
    /// TorchSharp's SGD, Adam or AdamW at the model's learning rate. When decay is off for norms and biases
    /// (1-D tensors), as timm does, the parameters form two groups: the matrices and kernels with decay, the
    /// rest without.
    /// </summary>
    public static OptimizerHelper Create(nn.Module model, TrainerOptions options)
    {
        var lr = options.EffectiveLearningRate;
        var decay = options.EffectiveWeightDecay;
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        (List<Parameter> Parameters, double WeightDecay)[] split = options.NoDecayOnNormAndBias && decay > 0
            ? [(parameters.Where(p => p.dim() > 1).ToList(), decay), (parameters.Where(p => p.dim() <= 1).ToList(), 0)]
            : [(parameters, decay)];
        var groups = split.Where(g => g.Parameters.Count > 0).ToList();
        return options.Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(
                groups.Select(g => new SGD.ParamGroup(g.Parameters, lr, options.Momentum, weight_decay: g.WeightDecay, nesterov: options.Nesterov)),
                lr, options.Momentum, nesterov: options.Nesterov),
            OptimizerKind.Adam => optim.Adam(groups.Select(g => new Adam.ParamGroup(g.Parameters, lr, weight_decay: g.WeightDecay)), lr),
            OptimizerKind.AdamW => optim.AdamW(groups.Select(g => new AdamW.ParamGroup(g.Parameters, lr, weight_decay: g.WeightDecay)), lr),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "unknown optimizer"),
        };
    }

    /// <summary>Sets the learning rate of every parameter group (what a schedule does before each step).</summary>
    public static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
