namespace ModelZoo.Zoo.Layers;

/// <summary>
/// A tensor in an exported inference graph: its name there and its channel count (dimension 1), which the
/// channel shuffle's reshape needs and no exported op can recover without knowing the layer before it.
/// </summary>
public readonly record struct GraphValue(string Name, long Channels);
