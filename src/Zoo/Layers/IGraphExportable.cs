namespace ModelZoo.Zoo.Layers;

/// <summary>
/// A block that can write its inference-time forward into a graph. Each implementation mirrors its module's
/// <c>forward</c> step for step, next to it in the same file, so a change to one is seen beside the other;
/// the ONNX tests run every registered architecture both ways and compare the logits.
/// </summary>
public interface IGraphExportable
{
    /// <summary>Adds this block, applied to <paramref name="input"/>, to <paramref name="graph"/> and returns its output.</summary>
    GraphValue ExportGraph(IGraphBuilder graph, GraphValue input);
}
