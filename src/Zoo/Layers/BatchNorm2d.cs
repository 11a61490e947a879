using TorchSharp.Modules;

namespace ModelZoo.Zoo.Layers;

/// <summary>
/// Batch normalisation over NCHW (torch.nn.BatchNorm2d: the same parameters, buffers and state-dict names)
/// that can be folded into the convolution before it for inference.
/// </summary>
/// <remarks>
/// TorchSharp's BatchNorm2d is sealed and always normalises; folding needs a layer that, once its affine
/// transform lives in the convolution's weights, passes its input through, wherever it sits in a block.
/// </remarks>
public sealed class BatchNorm2d : ZooModule
{
    /// <summary>Creates the layer: weight 1, bias 0, running mean 0, running variance 1.</summary>
    public BatchNorm2d(long features, double eps = 1e-5, double momentum = 0.1)
    {
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "BatchNorm2d needs at least 1 channel");
        Features = features;
        Eps = eps;
        Momentum = momentum;
        weight = new Parameter(ones(features));
        bias = new Parameter(zeros(features));
        running_mean = zeros(features);
        running_var = ones(features);
        num_batches_tracked = tensor(0L);
    }

    // TorchSharp's Module.to(device or type) hands converted tensors to a public property of the same name and
    // expects its setter to register them, as its own modules' setters do.
    private Parameter weightParameter = null!;
    private Parameter biasParameter = null!;
    private Tensor runningMean = null!;
    private Tensor runningVar = null!;
    private Tensor batchesTracked = null!;

    private Parameter SetParameter(string name, Parameter old, Parameter value)
    {
        if (old is not null && !ReferenceEquals(old, value)) old.Dispose();
        ConditionallyRegisterParameter(name, value);
        return value;
    }

    private Tensor SetBuffer(string name, Tensor old, Tensor value)
    {
        if (old is not null && !ReferenceEquals(old, value)) old.Dispose();
        ConditionallyRegisterBuffer(name, value.DetachFromDisposeScope());
        return value;
    }

    /// <summary>Scale γ.</summary>
    public Parameter weight { get => weightParameter; set => weightParameter = SetParameter(nameof(weight), weightParameter, value); }

    /// <summary>Shift β.</summary>
    public Parameter bias { get => biasParameter; set => biasParameter = SetParameter(nameof(bias), biasParameter, value); }

    /// <summary>Running mean of the batches seen in training.</summary>
    public Tensor running_mean { get => runningMean; set => runningMean = SetBuffer(nameof(running_mean), runningMean, value); }

    /// <summary>Running (unbiased) variance of the batches seen in training.</summary>
    public Tensor running_var { get => runningVar; set => runningVar = SetBuffer(nameof(running_var), runningVar, value); }

    /// <summary>How many training batches updated the statistics.</summary>
    public Tensor num_batches_tracked { get => batchesTracked; set => batchesTracked = SetBuffer(nameof(num_batches_tracked), batchesTracked, value); }

    /// <summary>Channels.</summary>
    public long Features { get; }

    /// <summary>Added to the variance for stability.</summary>
    public double Eps { get; }

    /// <summary>Weight of the newest batch in the running statistics (settable, as bn.momentum in PyTorch).</summary>
    public double Momentum { get; set; }

    /// <summary>True once <see cref="FoldInto"/> moved this layer into a convolution: it is then the identity.</summary>
    public bool IsFolded { get; private set; }

    /// <summary>
    /// Folds the inference-time transform (running statistics, γ, β) into <paramref name="conv"/>, whose output
    /// is this layer's input, and becomes the identity. For inference copies only: a folded layer cannot train.
    /// </summary>
    public void FoldInto(Conv2d conv)
    {
        if (IsFolded) throw new InvalidOperationException("this BatchNorm2d is already folded into a convolution");
        if (conv.out_channels != Features)
            throw new ArgumentException($"BatchNorm2d: cannot fold {Features} channels into a convolution with {conv.out_channels} outputs");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var scale = running_var.add(Eps).rsqrt().mul(weight);
        var shift = bias.sub(running_mean.mul(scale));
        conv.weight.mul_(scale.view(Features, 1, 1, 1));
        if (conv.bias is { } existing)
            existing.mul_(scale).add_(shift);
        else
            conv.bias = new Parameter(shift.detach().clone().MoveToOuterDisposeScope(), requires_grad: false);
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
            using var noGrad = no_grad();
            num_batches_tracked.add_(1);
        }
        return F.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
    }
}
