namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// PyTorch's legacy typed-storage class names (<c>torch.FloatStorage</c>, ...), which
/// <c>torch.save</c> still writes into every persistent id to say what a storage record holds.
/// </summary>
internal static class TorchStorageTypes
{
    private static readonly Dictionary<string, ScalarType> ByName = new()
    {
        ["FloatStorage"] = ScalarType.Float32,
        ["DoubleStorage"] = ScalarType.Float64,
        ["HalfStorage"] = ScalarType.Float16,
        ["BFloat16Storage"] = ScalarType.BFloat16,
        ["LongStorage"] = ScalarType.Int64,
        ["IntStorage"] = ScalarType.Int32,
        ["ShortStorage"] = ScalarType.Int16,
        ["CharStorage"] = ScalarType.Int8,
        ["ByteStorage"] = ScalarType.Byte,
        ["BoolStorage"] = ScalarType.Bool,
    };

    private static readonly Dictionary<ScalarType, string> ByType = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The element type of <c>torch.&lt;name&gt;</c>, if it is a storage class this library reads.</summary>
    public static bool TryGetElementType(string className, out ScalarType type) => ByName.TryGetValue(className, out type);

    /// <summary>The storage class name (in module <c>torch</c>) that holds elements of <paramref name="type"/>.</summary>
    public static string ClassNameOf(ScalarType type) =>
        ByType.TryGetValue(type, out string? name) ? name : throw new ArgumentOutOfRangeException(nameof(type), type, "no PyTorch storage class for this element type");
}
