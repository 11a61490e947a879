namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// One named tensor as it lives in a file: element type, shape, and the elements in row-major order
/// as little-endian bytes. A 0-dim (scalar) tensor has an empty <see cref="Shape"/> and one element.
/// </summary>
/// <remarks>
/// A plain record so serialization needs no native library. Record equality compares the arrays by
/// reference, not by content.
/// </remarks>
/// <param name="Name">The state-dict key, e.g. "features.0.weight".</param>
/// <param name="DType">The element type.</param>
/// <param name="Shape">The size of each dimension, outermost first.</param>
/// <param name="Data">Exactly (product of <paramref name="Shape"/>) × element size bytes.</param>
public sealed record StoredTensor(string Name, ScalarType DType, long[] Shape, byte[] Data);
