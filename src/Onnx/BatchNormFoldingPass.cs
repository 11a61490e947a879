using ModelZoo.Onnx.Proto;

namespace ModelZoo.Onnx;

/// <summary>
/// Folds each BatchNormalization whose input is a Conv's output, read by nothing else, into that Conv:
/// W' = W·s, b' = (b − mean)·s + β with s = γ / √(var + ε) — the same arithmetic as ModelZoo's
/// BatchNorm2d.FoldInto, applied to the exported weights so the model itself is left as it was.
/// </summary>
internal static class BatchNormFoldingPass
{
    /// <summary>Rewrites <paramref name="graph"/>'s nodes and weights; returns how many batch norms were folded.</summary>
    public static int Apply(OnnxGraphBuilder graph, IReadOnlySet<string> graphOutputs)
    {
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        var readers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            foreach (var output in node.Output) producers[output] = node;
            foreach (var input in node.Input) readers[input] = readers.GetValueOrDefault(input) + 1;
        }
        var folded = 0;
        foreach (var bn in graph.Nodes.Where(n => n.OpType == "BatchNormalization").ToList())
        {
            var convOutput = bn.Input[0];
            if (!producers.TryGetValue(convOutput, out var conv) || conv.OpType != "Conv") continue;
            if (readers[convOutput] != 1 || graphOutputs.Contains(convOutput)) continue;
            Fold(graph, conv, bn);
            graph.Nodes.Remove(bn);
            conv.Output[0] = bn.Output[0];
            folded++;
        }
        graph.DropUnusedInitializers();
        return folded;
    }

    private static void Fold(OnnxGraphBuilder graph, NodeProto conv, NodeProto bn)
    {
        var epsilon = bn.Attribute.Single(a => a.Name == "epsilon").F;
        var (gamma, beta, mean, variance) = (Values(bn.Input[1]), Values(bn.Input[2]), Values(bn.Input[3]), Values(bn.Input[4]));
        var (dims, weight) = graph.Weights[conv.Input[1]];
        var channels = gamma.Length;
        var perChannel = weight.Length / channels;
        var bias = conv.Input.Count > 2 ? Values(conv.Input[2]) : new float[channels];
        var foldedWeight = new float[weight.Length];
        var foldedBias = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            // In double, as the exported float32 weights would otherwise round twice.
            var scale = gamma[c] / Math.Sqrt((double)variance[c] + epsilon);
            for (var i = 0; i < perChannel; i++) foldedWeight[c * perChannel + i] = (float)(weight[c * perChannel + i] * scale);
            foldedBias[c] = (float)((bias[c] - (double)mean[c]) * scale + beta[c]);
        }
        conv.Input[1] = graph.Constant(conv.Input[1] + "_folded", dims, foldedWeight);
        var biasName = graph.Constant(bn.Input[2] + "_folded", [channels], foldedBias);
        if (conv.Input.Count > 2) conv.Input[2] = biasName;
        else conv.Input.Add(biasName);

        float[] Values(string name) => graph.Weights[name].Values;
    }
}
