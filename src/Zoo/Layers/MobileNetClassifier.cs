
namespace ModelZoo.Zoo.Layers;

/// <summary>
/// The MobileNetV1/V2 head: global average pooling, flatten, then torchvision's classifier Sequential —
/// "0" Dropout, "1" Linear — so the state-dict keys stay <c>classifier.1.weight</c> and <c>classifier.1.bias</c>.
/// The pooling is functional, as in torchvision's MobileNetV2, so it adds no module.
/// </summary>
public sealed class MobileNetClassifier : ZooModule, IGraphExportable
{
    private readonly Dropout dropout;

    /// <summary>Dropout of probability <paramref name="dropout"/>, then Linear(<paramref name="inFeatures"/>, <paramref name="numClasses"/>).</summary>
    public MobileNetClassifier(int inFeatures, int numClasses, double dropout)
    {
        this.dropout = Register("0", nn.Dropout(dropout));
        Logits = Register("1", nn.Linear(inFeatures, numClasses));
    }

    /// <summary>The Linear layer that gives the logits.</summary>
    public Linear Logits { get; private set; }

    /// <summary>Swaps the Linear layer for a fresh one of <paramref name="numClasses"/> outputs (torchvision's init).</summary>
    public void Reset(int numClasses) => Logits = Replace("1", MobileNetInit.FreshLinear(Logits, numClasses));

    /// <inheritdoc />
    public override Tensor forward(Tensor features)
    {
        using var pooled = F.adaptive_avg_pool2d(features, 1);
        using var flat = pooled.flatten(1);
        using var dropped = dropout.call(flat);
        return Logits.call(dropped);
    }

    /// <inheritdoc />
    public GraphValue ExportGraph(IGraphBuilder graph, GraphValue features) =>
        graph.Call(Logits, graph.Call(dropout, graph.Flatten(graph.GlobalAveragePool(features))));
}
