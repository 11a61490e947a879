namespace ModelZoo.Zoo.Layers;

/// <summary>The activations the zoo's blocks use.</summary>
public enum Activation
{
    /// <summary>No activation.</summary>
    None,
    /// <summary>ReLU.</summary>
    ReLU,
    /// <summary>ReLU6 (MobileNetV1/V2).</summary>
    ReLU6,
    /// <summary>Hard swish (MobileNetV3).</summary>
    Hardswish,
    /// <summary>SiLU / swish.</summary>
    SiLU,
}

/// <summary>
/// Conv2d (no bias) → BatchNorm2d → activation, the unit every family here is built from.
/// Attribute names "0", "1", "2" match torchvision's Conv2dNormActivation so its weights load as they are.
/// </summary>
public sealed class ConvBnAct : ZooModule, IGraphExportable
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly nn.Module<Tensor, Tensor>? activation;

    /// <summary>Creates the unit; padding defaults to "same" for odd kernels.</summary>
    public ConvBnAct(long inChannels, long outChannels, long kernelSize = 1, long stride = 1, long groups = 1,
        Activation activation = Activation.ReLU, long? padding = null, double bnEps = 1e-5, double bnMomentum = 0.1)
    {
        conv = Register("0", nn.Conv2d(inChannels, outChannels, kernelSize, stride, padding ?? (kernelSize - 1) / 2, groups: groups, bias: false));
        bn = Register("1", new BatchNorm2d(outChannels, bnEps, bnMomentum));
        this.activation = Create(activation);
        if (this.activation is not null) Register("2", this.activation);
    }

    /// <summary>The convolution.</summary>
    public Conv2d Conv => conv;

    /// <summary>The batch norm.</summary>
    public BatchNorm2d Bn => bn;

    /// <summary>Builds an activation module (null for none); in place, as torchvision's.</summary>
    public static nn.Module<Tensor, Tensor>? Create(Activation activation) => activation switch
    {
        Activation.None => null,
        Activation.ReLU => nn.ReLU(inplace: true),
        Activation.ReLU6 => nn.ReLU6(inplace: true),
        Activation.Hardswish => nn.Hardswish(inplace: true),
        Activation.SiLU => nn.SiLU(inplace: true),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        // Let go of the convolution's output at once: batch norm's backward keeps its own reference and frees
        // it as soon as it has run; held here, it would stay until the step ends and backward could not reuse
        // its memory (measured: docs/performance.md).
        Tensor x;
        using (var convolved = conv.call(input)) x = bn.call(convolved);
        // In place on a fresh tensor: saves one allocation per block.
        return activation is null ? x : activation.CallAndRelease(x);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue input)
    {
        var x = graph.Call(bn, graph.Call(conv, input));
        return activation is null ? x : graph.Call(activation, x);
    }
}
