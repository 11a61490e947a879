using System.Runtime.InteropServices;
using Google.Protobuf;
using ModelZoo.Onnx.Proto;

namespace ModelZoo.Onnx;

/// <summary>
/// Collects the nodes and weights of one ONNX graph as the modules describe themselves (<see cref="IGraphExportable"/>)
/// or as their emitters write them (<see cref="ModuleEmitters"/>). Weights are kept as float arrays until
/// <see cref="Initializers"/> serialises them, so passes such as batch-norm folding can rewrite them.
/// </summary>
internal sealed class OnnxGraphBuilder : IGraphBuilder
{
    private readonly Dictionary<nn.Module, string> paths = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Tensor, string> weightNames = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<string> scopes = new();
    private int counter;

    public OnnxGraphBuilder(Module root, int opset)
    {
        Opset = opset;
        paths[root] = "";
        foreach (var (name, module) in root.named_modules()) paths.TryAdd(module, name);
    }

    /// <summary>The opset the nodes are written for.</summary>
    public int Opset { get; }

    /// <summary>The graph's nodes in execution order.</summary>
    public List<NodeProto> Nodes { get; } = [];

    /// <summary>Float32 weights by name, with their shapes.</summary>
    public Dictionary<string, (long[] Dims, float[] Values)> Weights { get; } = new(StringComparer.Ordinal);

    /// <summary>Int64 constants (shapes, axes) by name.</summary>
    public Dictionary<string, long[]> Int64Constants { get; } = new(StringComparer.Ordinal);

    /// <summary>The model path of <paramref name="module"/> ("features.3.conv"), "(model)" for the root.</summary>
    public string PathOf(nn.Module module) =>
        paths.TryGetValue(module, out var path) ? (path.Length == 0 ? "(model)" : path) : $"(unregistered {module.GetType().Name})";

    /// <inheritdoc />
    public GraphValue Call(Module module, GraphValue input)
    {
        scopes.Push(PathOf(module));
        try
        {
            if (ModuleEmitters.TryGet(module, out var emit)) return emit(this, module, input);
            if (module is IGraphExportable exportable) return exportable.ExportGraph(this, input);
            throw new UnsupportedModuleException(PathOf(module), module.GetType(),
                "has no ONNX emitter: ModelZoo exports its own layers and TorchSharp's Conv2d, Linear, pooling, activation and dropout layers; " +
                "a custom block can implement ModelZoo.Zoo.Layers.IGraphExportable to describe itself");
        }
        finally
        {
            scopes.Pop();
        }
    }

    /// <summary>Adds a node of <paramref name="opType"/>; returns its (first) output, of <paramref name="channels"/> channels.</summary>
    public GraphValue Node(string opType, IEnumerable<string> inputs, long channels, params AttributeProto[] attributes)
    {
        var output = new GraphValue($"t{counter++}", channels);
        var node = new NodeProto { OpType = opType, Name = $"{(scopes.Count > 0 ? scopes.Peek() : "(model)")}/{opType}_{counter}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output.Name);
        node.Attribute.AddRange(attributes);
        Nodes.Add(node);
        return output;
    }

    /// <summary>Gives the newest node's output a public name (a graph output).</summary>
    public void NameLastOutput(string name) => Nodes[^1].Output[0] = name;

    /// <summary>The initializer holding <paramref name="tensor"/> as float32 (one per tensor, however often it is used).</summary>
    public string Weight(Tensor tensor, string name)
    {
        if (weightNames.TryGetValue(tensor, out var existing)) return existing;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var unique = Weights.ContainsKey(name) ? $"{name}_{counter++}" : name;
        Weights[unique] = (tensor.shape.ToArray(), values);
        weightNames[tensor] = unique;
        return unique;
    }

    /// <summary>A new float32 initializer of <paramref name="dims"/>.</summary>
    public string Constant(string name, long[] dims, float[] values)
    {
        var unique = $"{name}_{counter++}";
        Weights[unique] = (dims, values);
        return unique;
    }

    /// <summary>A new int64 initializer (1-D).</summary>
    public string Int64Constant(string name, params long[] values)
    {
        var unique = $"{name}_{counter++}";
        Int64Constants[unique] = values;
        return unique;
    }

    /// <inheritdoc />
    public GraphValue Add(GraphValue a, GraphValue b) => Node("Add", [a.Name, b.Name], Math.Max(a.Channels, b.Channels));

    /// <inheritdoc />
    public GraphValue Mul(GraphValue a, GraphValue b) => Node("Mul", [a.Name, b.Name], Math.Max(a.Channels, b.Channels));

    /// <inheritdoc />
    public GraphValue Concat(params GraphValue[] values) =>
        Node("Concat", values.Select(v => v.Name), values.Sum(v => v.Channels), Attributes.Int("axis", 1));

    /// <inheritdoc />
    public GraphValue Relu(GraphValue x) => Node("Relu", [x.Name], x.Channels);

    /// <inheritdoc />
    public GraphValue Sigmoid(GraphValue x) => Node("Sigmoid", [x.Name], x.Channels);

    /// <inheritdoc />
    public GraphValue HardSigmoid(GraphValue x) =>
        // ONNX's HardSigmoid is max(0, min(1, αx + β)); PyTorch's relu6(x + 3) / 6 is α = 1/6, β = 1/2.
        Node("HardSigmoid", [x.Name], x.Channels, Attributes.Float("alpha", 1f / 6), Attributes.Float("beta", 0.5f));

    /// <inheritdoc />
    public GraphValue GlobalAveragePool(GraphValue x) => Node("GlobalAveragePool", [x.Name], x.Channels);

    /// <inheritdoc />
    public GraphValue GlobalMaxPool(GraphValue x) => Node("GlobalMaxPool", [x.Name], x.Channels);

    /// <inheritdoc />
    public GraphValue ChannelMean(GraphValue x) => ReduceChannels("ReduceMean", x);

    /// <inheritdoc />
    public GraphValue ChannelMax(GraphValue x) => ReduceChannels("ReduceMax", x);

    // Opset 18 moved the reduced axes from an attribute to a second input.
    private GraphValue ReduceChannels(string opType, GraphValue x) => Opset >= 18
        ? Node(opType, [x.Name, Int64Constant("axes", 1)], 1, Attributes.Int("keepdims", 1))
        : Node(opType, [x.Name], 1, Attributes.Ints("axes", 1), Attributes.Int("keepdims", 1));

    /// <inheritdoc />
    /// <remarks>The channel count kept is the input's: the zoo flattens only pooled [N, C, 1, 1] maps.</remarks>
    public GraphValue Flatten(GraphValue x) => Node("Flatten", [x.Name], x.Channels, Attributes.Int("axis", 1));

    /// <summary>The graph's initializers, in the order they were created.</summary>
    public IEnumerable<TensorProto> Initializers()
    {
        foreach (var (name, (dims, values)) in Weights)
        {
            var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
            proto.Dims.AddRange(dims);
            // raw_data is little-endian by the ONNX spec, as every platform .NET runs ModelZoo on.
            proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
            yield return proto;
        }
        foreach (var (name, values) in Int64Constants)
        {
            var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
            proto.Dims.Add(values.Length);
            proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
            yield return proto;
        }
    }

    /// <summary>Drops the initializers no node reads any more (after a pass replaced them).</summary>
    public void DropUnusedInitializers()
    {
        var used = Nodes.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        foreach (var name in Weights.Keys.Where(k => !used.Contains(k)).ToList()) Weights.Remove(name);
        foreach (var name in Int64Constants.Keys.Where(k => !used.Contains(k)).ToList()) Int64Constants.Remove(name);
    }
}
