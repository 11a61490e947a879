using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Torch.Modules;

/// <summary>2-D max pooling (torch.nn.MaxPool2d); stride defaults to the kernel size.</summary>
public sealed class MaxPool2d(long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false)
    : TensorModule
{
    /// <summary>Window size.</summary>
    public long KernelSize { get; } = kernelSize;
    /// <summary>Step between windows.</summary>
    public long Stride { get; } = stride ?? kernelSize;
    /// <summary>Implicit −∞ padding on each side.</summary>
    public long Padding { get; } = padding;
    /// <summary>Output size rounds up instead of down.</summary>
    public bool CeilMode { get; } = ceilMode;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) =>
        F.max_pool2d(input, (KernelSize, KernelSize), (Stride, Stride), (Padding, Padding), (dilation, dilation), CeilMode);
}

/// <summary>2-D average pooling (torch.nn.AvgPool2d); stride defaults to the kernel size.</summary>
public sealed class AvgPool2d(long kernelSize, long? stride = null, long padding = 0, bool ceilMode = false, bool countIncludePad = true)
    : TensorModule
{
    /// <summary>Window size.</summary>
    public long KernelSize { get; } = kernelSize;
    /// <summary>Step between windows.</summary>
    public long Stride { get; } = stride ?? kernelSize;
    /// <summary>Implicit zero padding on each side.</summary>
    public long Padding { get; } = padding;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) =>
        F.avg_pool2d(input, (KernelSize, KernelSize), (Stride, Stride), (Padding, Padding), ceilMode, countIncludePad);
}

/// <summary>Average pooling to a fixed output size (torch.nn.AdaptiveAvgPool2d).</summary>
public sealed class AdaptiveAvgPool2d(long outputHeight, long outputWidth) : TensorModule
{
    /// <summary>Square output.</summary>
    public AdaptiveAvgPool2d(long outputSize) : this(outputSize, outputSize) { }

    /// <summary>(h, w).</summary>
    public (long, long) OutputSize { get; } = (outputHeight, outputWidth);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.adaptive_avg_pool2d(input, OutputSize);
}

/// <summary>Max pooling to a fixed output size (torch.nn.AdaptiveMaxPool2d).</summary>
public sealed class AdaptiveMaxPool2d(long outputHeight, long outputWidth) : TensorModule
{
    /// <summary>Square output.</summary>
    public AdaptiveMaxPool2d(long outputSize) : this(outputSize, outputSize) { }

    /// <summary>(h, w).</summary>
    public (long, long) OutputSize { get; } = (outputHeight, outputWidth);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.adaptive_max_pool2d(input, OutputSize);
}
