using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelZoo.Zoo;

/// <summary>One row of a summary: a leaf layer as it ran on the example input.</summary>
public sealed record LayerSummary(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("output_shape")] long[] OutputShape,
    [property: JsonPropertyName("params")] long Params,
    [property: JsonPropertyName("macs")] long Macs);

/// <summary>
/// A per-layer table (name, type, output shape, parameters, MACs) and totals, like paddle.summary.
/// MACs count the multiply-accumulates of convolutions and fully-connected layers only, per image.
/// </summary>
public sealed record ModelSummary(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input")] long[] Input,
    [property: JsonPropertyName("classes")] int Classes,
    [property: JsonPropertyName("params")] long Params,
    [property: JsonPropertyName("trainable_params")] long TrainableParams,
    [property: JsonPropertyName("macs")] long Macs,
    [property: JsonPropertyName("layers")] IReadOnlyList<LayerSummary> Layers)
{
    /// <summary>Runs one example image [C, H, W] through <paramref name="model"/> and records every leaf layer.</summary>
    public static ModelSummary Of(ClassificationModel model)
    {
        var options = model.Options;
        long[] input = [options.InChannels, options.InputSize, options.InputSize];
        var names = new Dictionary<nn.Module, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, module) in model.named_modules()) names[module] = name;
        var rows = new List<LayerSummary>();
        var removers = new List<Action>();
        var wasTraining = model.training;
        try
        {
            foreach (var module in names.Keys)
                if (module is nn.Module<Tensor, Tensor> leaf && !module.named_children().Any())
                    removers.Add(leaf.register_forward_hook((m, x, y) =>
                    {
                        rows.Add(Row(names[m], m, x, y));
                        return null!;
                    }).remove);
            model.eval();
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            using var example = zeros([1, .. input]);
            using var logits = model.call(example);
        }
        finally
        {
            foreach (var remove in removers) remove();
            model.train(wasTraining);
        }
        return new ModelSummary(model.Name.Length > 0 ? model.Name : model.GetType().Name, input, model.NumClasses,
            model.ParameterCount(), model.ParameterCount(trainableOnly: true), rows.Sum(r => r.Macs), rows);
    }

    private static LayerSummary Row(string name, nn.Module module, Tensor input, Tensor output)
    {
        var shape = output.shape;
        var parameters = module.named_parameters(recurse: false).Sum(p => p.parameter.numel());
        return new LayerSummary(name, module.GetType().Name, shape, parameters, MultiplyAccumulates(module, input, shape));
    }

    /// <summary>Conv: output elements × (in/groups) × kh × kw; linear: output elements × in. Per image.</summary>
    private static long MultiplyAccumulates(nn.Module module, Tensor input, long[] outputShape)
    {
        var perImage = outputShape.Skip(1).Aggregate(1L, (a, b) => a * b);
        return module switch
        {
            Conv2d conv => perImage * (conv.in_channels / conv.groups) * conv.kernel_size[0] * conv.kernel_size[1],
            Linear linear => perImage * linear.in_features,
            _ => 0,
        };
    }

    /// <summary>The table as text, totals underneath.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var nameWidth = Math.Max(10, Layers.Select(l => l.Name.Length).DefaultIfEmpty(0).Max());
        var typeWidth = Math.Max(10, Layers.Select(l => l.Type.Length).DefaultIfEmpty(0).Max());
        var header = $"{"Layer".PadRight(nameWidth)}  {"Type".PadRight(typeWidth)}  {"Output shape",-22}  {"Params",12}  {"MACs",14}";
        var rule = new string('-', header.Length);
        text.AppendLine(rule).AppendLine(header).AppendLine(rule);
        foreach (var layer in Layers)
            text.AppendLine($"{layer.Name.PadRight(nameWidth)}  {layer.Type.PadRight(typeWidth)}  {Shape(layer.OutputShape),-22}  {Count(layer.Params),12}  {Count(layer.Macs),14}");
        text.AppendLine(rule);
        text.AppendLine($"Model:            {Name}");
        text.AppendLine($"Input:            {Shape(Input)}");
        text.AppendLine($"Total params:     {Count(Params)}");
        text.AppendLine($"Trainable params: {Count(TrainableParams)}");
        text.AppendLine($"MACs (conv + FC): {Count(Macs)} ({Macs / 1e6:F1} M)");
        text.AppendLine($"Params size (MB): {Params * 4 / 1024.0 / 1024.0:F2}");
        return text.ToString();
    }

    /// <summary>The summary as JSON: name, input [C, H, W], params, macs, layers.</summary>
    public string ToJson(bool indented = true) =>
        JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = indented });

    private static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
