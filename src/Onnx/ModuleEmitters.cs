using ModelZoo.Onnx.Proto;
using TorchModules = TorchSharp.Modules;

namespace ModelZoo.Onnx;

/// <summary>Writes one layer of a given type as ONNX nodes.</summary>
internal delegate GraphValue ModuleEmitter(OnnxGraphBuilder graph, Module module, GraphValue input);

/// <summary>
/// One emitter per layer type, dispatched on the module's exact type: TorchSharp's layers the zoo uses and
/// ModelZoo's own leaf layers. Blocks made of these describe themselves (<see cref="IGraphExportable"/>).
/// Settings an emitter cannot express exactly are refused, naming the module, rather than exported approximately.
/// </summary>
internal static class ModuleEmitters
{
    private static readonly Dictionary<Type, ModuleEmitter> ByType = new()
    {
        [typeof(TorchModules.Conv2d)] = (g, m, x) => Conv(g, (TorchModules.Conv2d)m, x),
        [typeof(BatchNorm2d)] = (g, m, x) => BatchNorm(g, (BatchNorm2d)m, x),
        [typeof(TorchModules.Linear)] = (g, m, x) => Gemm(g, (TorchModules.Linear)m, x),
        [typeof(TorchModules.ReLU)] = (g, _, x) => g.Relu(x),
        [typeof(TorchModules.ReLU6)] = (g, _, x) => Clip(g, x, 0, 6),
        [typeof(TorchModules.Hardtanh)] = (g, m, x) => Clip(g, x, ((TorchModules.Hardtanh)m).min_val, ((TorchModules.Hardtanh)m).max_val),
        [typeof(TorchModules.Hardswish)] = (g, _, x) => g.Node("HardSwish", [x.Name], x.Channels),
        [typeof(TorchModules.Hardsigmoid)] = (g, _, x) => g.HardSigmoid(x),
        [typeof(TorchModules.Sigmoid)] = (g, _, x) => g.Sigmoid(x),
        [typeof(TorchModules.SiLU)] = (g, _, x) => g.Mul(x, g.Sigmoid(x)),
        // Eval-mode export: dropout passes its input through, as does an identity.
        [typeof(TorchModules.Dropout)] = (_, _, x) => x,
        [typeof(TorchModules.Identity)] = (_, _, x) => x,
        [typeof(TorchModules.MaxPool2d)] = (g, m, x) => MaxPool(g, (TorchModules.MaxPool2d)m, x),
        [typeof(TorchModules.AvgPool2d)] = (g, m, x) => AvgPool(g, (TorchModules.AvgPool2d)m, x),
        [typeof(TorchModules.AdaptiveAvgPool2d)] = (g, m, x) => AdaptiveAvgPool(g, (TorchModules.AdaptiveAvgPool2d)m, x),
        [typeof(ChannelShuffle)] = (g, m, x) => Shuffle(g, (ChannelShuffle)m, x),
        [typeof(TorchModules.Sequential)] = (g, m, x) => m.children().Cast<Module>().Aggregate(x, (v, child) => g.Call(child, v)),
    };

    /// <summary>The emitter for <paramref name="module"/>'s type, if there is one.</summary>
    public static bool TryGet(Module module, out ModuleEmitter emitter) => ByType.TryGetValue(module.GetType(), out emitter!);

    private static UnsupportedModuleException Unsupported(OnnxGraphBuilder g, Module m, string reason) => new(g.PathOf(m), m.GetType(), reason);

    private static GraphValue Conv(OnnxGraphBuilder g, TorchModules.Conv2d conv, GraphValue x)
    {
        if (conv.padding_mode != PaddingModes.Zeros) throw Unsupported(g, conv, $"pads with {conv.padding_mode}; only zero padding is exported");
        if (conv.padding_type is not null) throw Unsupported(g, conv, $"uses padding '{conv.padding_type}'; only explicit padding is exported");
        var path = g.PathOf(conv);
        var inputs = new List<string> { x.Name, g.Weight(conv.weight, path + ".weight") };
        if (conv.bias is not null) inputs.Add(g.Weight(conv.bias, path + ".bias"));
        return g.Node("Conv", inputs, conv.out_channels,
            Attributes.Ints("kernel_shape", conv.kernel_size),
            Attributes.Ints("strides", conv.stride),
            Attributes.Ints("pads", Pads(conv.padding!)), // explicit: padding_type was refused above
            Attributes.Ints("dilations", conv.dilation),
            Attributes.Int("group", conv.groups));
    }

    private static GraphValue BatchNorm(OnnxGraphBuilder g, BatchNorm2d bn, GraphValue x)
    {
        // Folded by ModelZoo for inference: its transform already lives in the convolution before it.
        if (bn.IsFolded) return x;
        var path = g.PathOf(bn);
        return g.Node("BatchNormalization",
            [x.Name, g.Weight(bn.weight, path + ".weight"), g.Weight(bn.bias, path + ".bias"),
             g.Weight(bn.running_mean, path + ".running_mean"), g.Weight(bn.running_var, path + ".running_var")],
            x.Channels, Attributes.Float("epsilon", (float)bn.Eps));
    }

    private static GraphValue Gemm(OnnxGraphBuilder g, TorchModules.Linear linear, GraphValue x)
    {
        var path = g.PathOf(linear);
        var inputs = new List<string> { x.Name, g.Weight(linear.weight, path + ".weight") };
        if (linear.bias is not null) inputs.Add(g.Weight(linear.bias, path + ".bias"));
        // Linear's weight is [out, in]: y = x Wᵀ + b.
        return g.Node("Gemm", inputs, linear.out_features, Attributes.Int("transB", 1));
    }

    private static GraphValue Clip(OnnxGraphBuilder g, GraphValue x, double min, double max) =>
        g.Node("Clip", [x.Name, g.Constant("clip_min", [], [(float)min]), g.Constant("clip_max", [], [(float)max])], x.Channels);

    private static GraphValue MaxPool(OnnxGraphBuilder g, TorchModules.MaxPool2d pool, GraphValue x) =>
        g.Node("MaxPool", [x.Name], x.Channels,
            Attributes.Ints("kernel_shape", pool.kernel_size),
            Attributes.Ints("strides", pool.stride ?? pool.kernel_size),
            Attributes.Ints("pads", Pads(pool.padding ?? [0, 0])),
            Attributes.Ints("dilations", pool.dilation ?? [1, 1]),
            Attributes.Int("ceil_mode", pool.ceil_mode ? 1 : 0));

    private static GraphValue AvgPool(OnnxGraphBuilder g, TorchModules.AvgPool2d pool, GraphValue x)
    {
        if (pool.divisor_override is not null) throw Unsupported(g, pool, "sets divisor_override, which ONNX's AveragePool cannot express");
        return g.Node("AveragePool", [x.Name], x.Channels,
            Attributes.Ints("kernel_shape", pool.kernel_size),
            Attributes.Ints("strides", pool.stride ?? pool.kernel_size),
            Attributes.Ints("pads", Pads(pool.padding ?? [0, 0])),
            Attributes.Int("ceil_mode", pool.ceil_mode ? 1 : 0),
            // PyTorch counts the zero padding in the divisor by default, ONNX does not.
            Attributes.Int("count_include_pad", pool.count_include_pad ? 1 : 0));
    }

    private static GraphValue AdaptiveAvgPool(OnnxGraphBuilder g, TorchModules.AdaptiveAvgPool2d pool, GraphValue x)
    {
        if (pool.output_size.Any(s => s != 1))
            throw Unsupported(g, pool, $"pools to [{string.Join(", ", pool.output_size)}]; only global pooling (output size 1) is exported");
        return g.GlobalAveragePool(x);
    }

    private static GraphValue Shuffle(OnnxGraphBuilder g, ChannelShuffle shuffle, GraphValue x)
    {
        if (shuffle.Groups == 1) return x;
        if (x.Channels % shuffle.Groups != 0)
            throw Unsupported(g, shuffle, $"shuffles {x.Channels} channels in {shuffle.Groups} groups, which do not divide them");
        // [N, C, H, W] → [N, g, C/g, H·W] → swap the group axes → back to the input's shape; Reshape's 0 keeps N,
        // so any batch size works.
        var shape = g.Node("Shape", [x.Name], 0);
        var grouped = g.Node("Reshape", [x.Name, g.Int64Constant("shuffle_shape", 0, shuffle.Groups, x.Channels / shuffle.Groups, -1)], x.Channels);
        var swapped = g.Node("Transpose", [grouped.Name], x.Channels, Attributes.Ints("perm", 0, 2, 1, 3));
        return g.Node("Reshape", [swapped.Name, shape.Name], x.Channels);
    }

    // PyTorch pads (top, left) symmetrically; ONNX lists the begins, then the ends.
    private static long[] Pads(long[] padding) => [.. padding, .. padding];
}
