using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Torch.Modules;

/// <summary>2-D convolution (torch.nn.Conv2d): weight [out, in/groups, kh, kw], optional bias.</summary>
public sealed class Conv2d : TensorModule
{
    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long dilation = 1, long groups = 1, bool bias = true)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias) { }

    /// <summary>Creates the layer with separate height and width settings.</summary>
    public Conv2d(long inChannels, long outChannels, (long, long) kernelSize, (long, long) stride, (long, long) padding,
        (long, long) dilation, long groups = 1, bool bias = true)
    {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"Conv2d: in ({inChannels}) and out ({outChannels}) channels must be divisible by groups ({groups})");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
        weight = RegisterParameter("weight", torch.empty([outChannels, inChannels / groups, kernelSize.Item1, kernelSize.Item2]))!;
        this.bias = RegisterParameter("bias", bias ? torch.empty([outChannels]) : null);
        ResetParameters();
    }

    /// <summary>The kernel, [out, in/groups, kh, kw].</summary>
    public Parameter weight { get; }
    /// <summary>The bias, [out], or null.</summary>
    public Parameter? bias { get; }
    /// <summary>Input channels.</summary>
    public long InChannels { get; }
    /// <summary>Output channels.</summary>
    public long OutChannels { get; }
    /// <summary>(kh, kw).</summary>
    public (long, long) KernelSize { get; }
    /// <summary>(sh, sw).</summary>
    public (long, long) Stride { get; }
    /// <summary>(ph, pw).</summary>
    public (long, long) Padding { get; }
    /// <summary>(dh, dw).</summary>
    public (long, long) Dilation { get; }
    /// <summary>Channel groups (in == groups == out is depthwise).</summary>
    public long Groups { get; }

    /// <summary>PyTorch's default: Kaiming-uniform with a = √5, bias uniform in ±1/√fan_in.</summary>
    public void ResetParameters()
    {
        torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
        if (bias is null) return;
        var fanIn = InChannels / Groups * KernelSize.Item1 * KernelSize.Item2;
        var bound = 1 / Math.Sqrt(fanIn);
        torch.nn.init.uniform_(bias, -bound, bound);
    }

    /// <summary>The bias a folded batch norm left on a convolution built without one (not saved).</summary>
    private Tensor? foldedBias;

    /// <summary>
    /// Absorbs a per-channel affine map y = scale·conv(x) + shift into the kernel and bias (batch-norm
    /// folding for inference). The weights change for good: fold only a copy kept for inference.
    /// </summary>
    public void FoldAffine(Tensor scale, Tensor shift)
    {
        if (scale.shape is not [var n] || n != OutChannels || shift.shape is not [var m] || m != OutChannels)
            throw new ArgumentException($"Conv2d: folding needs scale and shift of shape [{OutChannels}], got [{string.Join(", ", scale.shape)}] and [{string.Join(", ", shift.shape)}]");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        weight.mul_(scale.view(OutChannels, 1, 1, 1));
        var existing = bias ?? foldedBias;
        if (existing is not null)
        {
            existing.mul_(scale).add_(shift);
            return;
        }
        foldedBias = RegisterBuffer("folded_bias", shift.to(weight.dtype).clone(), persistent: false);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.conv2d(input, weight, bias ?? foldedBias, Stride, Padding, Dilation, Groups);
}
