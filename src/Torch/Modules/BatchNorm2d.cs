using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Torch.Modules;

/// <summary>Batch normalisation over NCHW (torch.nn.BatchNorm2d) with running statistics.</summary>
public sealed class BatchNorm2d : TensorModule
{
    /// <summary>Creates the layer: weight 1, bias 0, running mean 0, running variance 1.</summary>
    public BatchNorm2d(long features, double eps = 1e-5, double momentum = 0.1, bool affine = true)
    {
        Features = features;
        Eps = eps;
        Momentum = momentum;
        weight = RegisterParameter("weight", affine ? torch.ones([features]) : null);
        bias = RegisterParameter("bias", affine ? torch.zeros([features]) : null);
        running_mean = RegisterBuffer("running_mean", torch.zeros([features]));
        running_var = RegisterBuffer("running_var", torch.ones([features]));
        num_batches_tracked = RegisterBuffer("num_batches_tracked", torch.scalar_tensor(0, ScalarType.Int64));
    }

    /// <summary>Scale γ, or null without affine.</summary>
    public Parameter? weight { get; }
    /// <summary>Shift β, or null without affine.</summary>
    public Parameter? bias { get; }
    /// <summary>Running mean of the batches seen in training.</summary>
    public Tensor running_mean { get; }
    /// <summary>Running (unbiased) variance of the batches seen in training.</summary>
    public Tensor running_var { get; }
    /// <summary>How many training batches updated the statistics.</summary>
    public Tensor num_batches_tracked { get; }
    /// <summary>Channels.</summary>
    public long Features { get; }
    /// <summary>Added to the variance for stability.</summary>
    public double Eps { get; }
    /// <summary>Weight of the newest batch in the running statistics (settable, as bn.momentum in PyTorch).</summary>
    public double Momentum { get; set; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            using var noGrad = torch.no_grad();
            num_batches_tracked.add_(1);
        }
        return F.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
    }
}
