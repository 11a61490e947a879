using System.Runtime.InteropServices;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>Tensors covering every element type, scalars, empty and wide shapes, for the writers' tests.</summary>
internal static class SampleTensors
{
    public static StoredTensor[] All() =>
    [
        Tensor("float32", ScalarType.Float32, [2, 3], new[] { -1.0f, -0.5f, 0.0f, 0.1f, 3.4e38f, -1e-45f }),
        Tensor("float64", ScalarType.Float64, [2], new[] { 1.0 / 3, -2.5e300 }),
        Tensor("float16", ScalarType.Float16, [3], new[] { (Half)0.1, (Half)(-65504.0), (Half)6e-8 }),
        // bfloat16 bits of 1.5, -3.0, 0.15625 and 65536.
        Tensor("bfloat16", ScalarType.BFloat16, [2, 2], new ushort[] { 0x3FC0, 0xC040, 0x3E20, 0x4780 }),
        Tensor("int64", ScalarType.Int64, [3], new[] { long.MinValue, 1L << 40, -1L }),
        Tensor("int32", ScalarType.Int32, [2], new[] { int.MinValue, 7 }),
        Tensor("int16", ScalarType.Int16, [2], new short[] { -32768, 32767 }),
        Tensor("int8", ScalarType.Int8, [2], new sbyte[] { -128, 127 }),
        Tensor("uint8", ScalarType.Byte, [2], new byte[] { 0, 255 }),
        Tensor("bool", ScalarType.Bool, [3], new byte[] { 1, 0, 1 }),
        Tensor("bn.num_batches_tracked", ScalarType.Int64, [], new[] { 1234L }),
        Tensor("scalar_float32", ScalarType.Float32, [], new[] { 2.5f }),
        Tensor("empty", ScalarType.Float32, [0, 3], Array.Empty<float>()),
        Tensor("conv.weight", ScalarType.Float32, [2, 1, 2, 2], Enumerable.Range(0, 8).Select(i => i / 8f).ToArray()),
        Tensor("wide", ScalarType.Float32, [300], Enumerable.Range(0, 300).Select(i => (float)i).ToArray()),
        Tensor("long", ScalarType.Int8, [70000], Enumerable.Range(0, 70000).Select(i => (sbyte)i).ToArray()),
    ];

    private static StoredTensor Tensor<T>(string name, ScalarType type, long[] shape, T[] values) where T : unmanaged =>
        new(name, type, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
}
