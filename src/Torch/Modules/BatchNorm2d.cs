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

    /// <summary>True once <see cref="FoldInto"/> moved this layer into a convolution: it is then the identity.</summary>
    public bool IsFolded { get; private set; }

    /// <summary>
    /// Folds the inference-time transform (running statistics, γ, β) into <paramref name="conv"/>, whose
    /// output is this layer's input, and becomes the identity. For inference copies only: a folded layer
    /// cannot train.
    /// </summary>
    public void FoldInto(Conv2d conv)
    {
        if (IsFolded) throw new InvalidOperationException("this BatchNorm2d is already folded into a convolution");
        if (conv.OutChannels != Features)
            throw new ArgumentException($"BatchNorm2d: cannot fold {Features} channels into a convolution with {conv.OutChannels} outputs");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var scale = running_var.add(Eps).rsqrt();
        if (weight is not null) scale = scale.mul(weight);
        var shift = running_mean.mul(scale).neg();
        if (bias is not null) shift = shift.add(bias);
        conv.FoldAffine(scale, shift);
        IsFolded = true;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (IsFolded)
        {
            if (training) throw new InvalidOperationException("this BatchNorm2d was folded into a convolution for inference and cannot train");
            return input.alias();
        }
        if (training)
        {
            using var noGrad = torch.no_grad();
            num_batches_tracked.add_(1);
        }
        return F.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
    }
}
