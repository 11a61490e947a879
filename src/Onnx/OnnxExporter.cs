using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using ModelZoo.Onnx.Proto;
using ModelZoo.Zoo;

namespace ModelZoo.Onnx;

/// <summary>
/// Writes a ModelZoo network as an ONNX model: the graph is built from the modules themselves (no tracing), with
/// the input documented (NCHW float32, the normalisation the graph expects) and the preprocessing, input size and
/// class names in the model's metadata properties. Outputs: <c>logits</c> [N, classes] and their softmax,
/// <c>probabilities</c>.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The graph input's name when it takes normalised tensors.</summary>
    public const string InputName = "input";

    /// <summary>The graph input's name when the graph normalises 0..1 pixels itself (<see cref="OnnxExportOptions.Mean"/> set).</summary>
    public const string PixelsInputName = "pixels";

    /// <summary>The logits output.</summary>
    public const string LogitsName = "logits";

    /// <summary>The softmax of the logits over the classes.</summary>
    public const string ProbabilitiesName = "probabilities";

    // IR version 8 goes with opsets up to 17 (ONNX 1.12) and is read by every ONNX Runtime since 1.12.
    private const long IrVersion = 8;

    /// <summary>Writes <paramref name="module"/> (in its eval-mode behaviour) to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="UnsupportedModuleException">A module has no ONNX emitter (the message names it).</exception>
    /// <exception cref="ArgumentException">The options make no sense or leave the input shape unknown.</exception>
    public static void Export(Module module, string path, OnnxExportOptions? options = null)
    {
        var bytes = ToBytes(module, options);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{path}: the folder {directory} does not exist");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The ONNX model of <paramref name="module"/>, serialised.</summary>
    public static byte[] ToBytes(Module module, OnnxExportOptions? options = null) => Build(module, options).ToByteArray();

    /// <summary>The ONNX model of <paramref name="module"/>.</summary>
    internal static ModelProto Build(Module module, OnnxExportOptions? options)
    {
        options = (options ?? new OnnxExportOptions()).Validate();
        var zooModel = module as ClassificationModel;
        var channels = options.InputChannels ?? zooModel?.Options.InChannels
            ?? throw new ArgumentException($"{module.GetType().Name} is not a zoo model: give the input channels in the export options");
        var size = options.InputSize ?? zooModel?.Options.InputSize
            ?? throw new ArgumentException($"{module.GetType().Name} is not a zoo model: give the input size in the export options");
        if (options.Mean is { } mean && (mean.Count != channels || options.Std!.Count != channels))
            throw new ArgumentException($"normalisation has {mean.Count} mean and {options.Std!.Count} std values for {channels} input channels");

        var graph = new OnnxGraphBuilder(module, options.Opset);
        var normalised = options.Mean is null;
        var input = new GraphValue(normalised ? InputName : PixelsInputName, channels);
        var x = normalised ? input : Normalise(graph, input, options);
        var logits = graph.Call(module, x);
        RenameOutput(graph, logits.Name, LogitsName);
        graph.Node("Softmax", [LogitsName], logits.Channels, Attributes.Int("axis", 1));
        graph.NameLastOutput(ProbabilitiesName);
        if (options.FoldBatchNorm) BatchNormFoldingPass.Apply(graph, new HashSet<string>([LogitsName, ProbabilitiesName]));

        var proto = new GraphProto { Name = zooModel?.Name is { Length: > 0 } name ? name : module.GetType().Name };
        proto.Node.AddRange(graph.Nodes);
        proto.Initializer.AddRange(graph.Initializers());
        proto.Input.Add(TensorValue(input.Name, options.BatchSize, [channels, size, size], InputDoc(channels, size, options)));
        proto.Output.Add(TensorValue(LogitsName, options.BatchSize, [logits.Channels], "raw class scores, [N, classes], in class-name order"));
        proto.Output.Add(TensorValue(ProbabilitiesName, options.BatchSize, [logits.Channels], "softmax of the logits over the classes"));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "ModelZoo",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "",
            DocString = $"{proto.Name}: image classifier exported by ModelZoo",
            Graph = proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        foreach (var (key, value) in Metadata(zooModel, channels, size, options))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    private static GraphValue Normalise(OnnxGraphBuilder graph, GraphValue pixels, OnnxExportOptions options)
    {
        long[] dims = [1, pixels.Channels, 1, 1];
        var mean = graph.Constant("mean", dims, options.Mean!.Select(v => (float)v).ToArray());
        var std = graph.Constant("std", dims, options.Std!.Select(v => (float)v).ToArray());
        var centred = graph.Node("Sub", [pixels.Name, mean], pixels.Channels);
        return graph.Node("Div", [centred.Name, std], pixels.Channels);
    }

    // The last node's output takes the public name; an identity module at the end would leave the logits
    // being the graph input itself, which no zoo model does, so that case gets an Identity node.
    private static void RenameOutput(OnnxGraphBuilder graph, string from, string to)
    {
        var producer = graph.Nodes.LastOrDefault(n => n.Output.Contains(from));
        if (producer is null)
        {
            graph.Node("Identity", [from], 0);
            graph.NameLastOutput(to);
            return;
        }
        producer.Output[producer.Output.IndexOf(from)] = to;
        foreach (var node in graph.Nodes)
            for (var i = 0; i < node.Input.Count; i++)
                if (node.Input[i] == from) node.Input[i] = to;
    }

    private static string InputDoc(int channels, int size, OnnxExportOptions options)
    {
        var layout = $"NCHW float32 [N, {channels}, {size}, {size}], {(channels == 3 ? "RGB" : channels == 1 ? "grey" : $"{channels} channels")}";
        return options.Mean is null
            ? $"{layout}, already normalised as the model was trained ((pixel/255 - mean) / std; see the metadata when given)"
            : $"{layout}, pixel values in 0..1 (pixel/255); the graph subtracts mean [{Join(options.Mean)}] and divides by std [{Join(options.Std!)}]";
    }

    private static Dictionary<string, string> Metadata(ClassificationModel? model, int channels, int size, OnnxExportOptions options)
    {
        var metadata = new Dictionary<string, string>
        {
            ["architecture"] = model?.Name ?? "",
            ["input_layout"] = "NCHW float32",
            ["input_size"] = size.ToString(CultureInfo.InvariantCulture),
            ["channels"] = channels.ToString(CultureInfo.InvariantCulture),
            // "in_graph": feed pixel/255 and the graph normalises; "none": feed (pixel/255 - mean) / std.
            ["normalization"] = options.Mean is null ? "none" : "in_graph",
        };
        if (options.Mean is not null)
        {
            metadata["mean"] = JsonSerializer.Serialize(options.Mean);
            metadata["std"] = JsonSerializer.Serialize(options.Std);
        }
        if (options.ClassNames is not null) metadata["class_names"] = JsonSerializer.Serialize(options.ClassNames);
        return metadata;
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static ValueInfoProto TensorValue(string name, int? batch, long[] dims, string doc)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(batch is { } n ? new TensorShapeProto.Types.Dimension { DimValue = n } : new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            DocString = doc,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
