namespace ModelZoo.Onnx;

/// <summary>How a network is written as ONNX.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>Lowest opset written: HardSwish, the one op the zoo needs last, arrived in opset 14.</summary>
    public const int MinOpset = 14;

    /// <summary>
    /// Highest opset written: 18 moved ReduceMean/ReduceMax's axes from an attribute to an input, which the
    /// builder handles; later opsets change ops the builder has not been checked against.
    /// </summary>
    public const int MaxOpset = 18;

    /// <summary>The default opset: the newest that the ONNX checker of onnx 1.12 (Debian's python3-onnx) knows.</summary>
    public const int DefaultOpset = 17;

    /// <summary>The ONNX opset of the default domain.</summary>
    public int Opset { get; init; } = DefaultOpset;

    /// <summary>A fixed batch size, or null for a symbolic "batch" dimension.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Writes each batch norm that follows a convolution as part of that convolution's weights and bias.</summary>
    public bool FoldBatchNorm { get; init; }

    /// <summary>Input side in pixels; null takes the model's <c>ModelOptions.InputSize</c> (required for a module that is not a zoo model).</summary>
    public int? InputSize { get; init; }

    /// <summary>Input channels; null takes the model's <c>ModelOptions.InChannels</c> (required for a module that is not a zoo model).</summary>
    public int? InputChannels { get; init; }

    /// <summary>Class names written to the metadata, in logit order.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>
    /// Per-channel mean of the 0..1 pixel values. With <see cref="Std"/>, the graph starts with (x − mean) / std,
    /// so it takes plain 0..1 RGB pixels (what ML.NET's ExtractPixels gives with scale 1/255); without them it takes
    /// the already normalised tensor.
    /// </summary>
    public IReadOnlyList<double>? Mean { get; init; }

    /// <summary>Per-channel standard deviation of the 0..1 pixel values (see <see cref="Mean"/>).</summary>
    public IReadOnlyList<double>? Std { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that makes no sense.</summary>
    public OnnxExportOptions Validate()
    {
        if (Opset is < MinOpset or > MaxOpset)
            throw new ArgumentException($"ONNX opset must be between {MinOpset} and {MaxOpset}, got {Opset}");
        if (BatchSize is < 1) throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        if (InputSize is < 1) throw new ArgumentException($"input size must be at least 1, got {InputSize}");
        if (InputChannels is < 1) throw new ArgumentException($"input channels must be at least 1, got {InputChannels}");
        if ((Mean is null) != (Std is null)) throw new ArgumentException("normalisation needs both mean and std, or neither");
        if (Std is not null && Std.Any(s => !(s > 0))) throw new ArgumentException("normalisation std must be positive");
        return this;
    }
}
