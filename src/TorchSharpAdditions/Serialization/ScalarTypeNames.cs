namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// Checks on element types read from untrusted files. TorchSharp's <see cref="ScalarType"/> is a plain
/// enum, so any number casts to it; these say which ones ModelZoo's files may hold and how big they are.
/// </summary>
public static class ScalarTypeNames
{
    /// <summary>Bytes per element of the types a state dict or tensor file may hold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A type those files never hold.</exception>
    public static int StoredElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown scalar type"),
    };

    /// <summary>The element type with c10 number <paramref name="code"/>, if files may hold it.</summary>
    public static bool TryFromCode(int code, out ScalarType type)
    {
        type = (ScalarType)(sbyte)Math.Clamp(code, sbyte.MinValue, sbyte.MaxValue);
        return (int)type == code && type is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32
            or ScalarType.Int64 or ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.Bool or ScalarType.BFloat16;
    }

    /// <summary>PyTorch's name for the type (<c>float32</c>, <c>int64</c>, …), for messages.</summary>
    public static string TorchName(this ScalarType type) => type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Bool => "bool",
        ScalarType.BFloat16 => "bfloat16",
        _ => type.ToString(),
    };
}
