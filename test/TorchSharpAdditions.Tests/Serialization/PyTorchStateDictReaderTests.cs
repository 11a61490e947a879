using System.Runtime.InteropServices;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

public sealed class PyTorchStateDictReaderTests(TorchSavedFiles files) : IClassFixture<TorchSavedFiles>
{
    [Theory]
    [InlineData("mixed.pth")]
    [InlineData("mixed_protocol4.pth")]
    [InlineData("batchnorm.pth")]
    [InlineData("wide.pth")]
    public void EveryTensorMatchesTorchByteForByte(string fileName)
    {
        IReadOnlyList<StoredTensor> tensors = PyTorchStateDictReader.Read(files.PathOf(fileName));

        TorchTensorDump[] expected = files.Dumps[fileName];
        Assert.Equal(expected.Select(dump => dump.Name), tensors.Select(tensor => tensor.Name));
        foreach ((TorchTensorDump dump, StoredTensor tensor) in expected.Zip(tensors))
        {
            Assert.Equal(dump.DType, tensor.DType.TorchName());
            Assert.Equal(dump.Shape, tensor.Shape);
            Assert.Equal(dump.Hex, Convert.ToHexStringLower(tensor.Data));
        }
    }

    [Fact]
    public void ReadsEveryElementType()
    {
        Dictionary<string, StoredTensor> tensors = ReadMixed();

        Assert.Equal([-1.0f, -0.5f, 0.0f, 0.5f, 1.0f, 1.5f], Values<float>(tensors["float32"]));
        Assert.Equal([2L, 3L], tensors["float32"].Shape);
        Assert.Equal([1.0 / 3, -2.5e300], Values<double>(tensors["float64"]));
        Assert.Equal([(Half)0.1, (Half)(-65504.0), (Half)6e-8], Values<Half>(tensors["float16"]));
        // bfloat16 is the upper half of a float32: 1.5, -3.0, 0.15625, 65536.
        Assert.Equal([(ushort)0x3FC0, (ushort)0xC040, (ushort)0x3E20, (ushort)0x4780], Values<ushort>(tensors["bfloat16"]));
        Assert.Equal([-(1L << 62), 1L << 40, -1L], Values<long>(tensors["int64"]));
        Assert.Equal([int.MinValue, 7], Values<int>(tensors["int32"]));
        Assert.Equal([short.MinValue, short.MaxValue], Values<short>(tensors["int16"]));
        Assert.Equal([sbyte.MinValue, sbyte.MaxValue], Values<sbyte>(tensors["int8"]));
        Assert.Equal([(byte)0, (byte)255], tensors["uint8"].Data);
        Assert.Equal([(byte)1, (byte)0, (byte)1], tensors["bool"].Data);
        Assert.Equal(
            [ScalarType.Float32, ScalarType.Float64, ScalarType.Float16, ScalarType.BFloat16, ScalarType.Int64, ScalarType.Int32, ScalarType.Int16, ScalarType.Int8, ScalarType.Byte, ScalarType.Bool],
            new[] { "float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool" }.Select(name => tensors[name].DType));
    }

    [Fact]
    public void ScalarTensorsHaveNoDimensionsAndOneElement()
    {
        Dictionary<string, StoredTensor> tensors = ReadMixed();

        Assert.Empty(tensors["scalar_int64"].Shape);
        Assert.Equal([42L], Values<long>(tensors["scalar_int64"]));
        Assert.Empty(tensors["scalar_float32"].Shape);
        Assert.Equal([2.5f], Values<float>(tensors["scalar_float32"]));
    }

    [Fact]
    public void StridedViewsAreMaterialisedInRowMajorOrder()
    {
        Dictionary<string, StoredTensor> tensors = ReadMixed();

        // grid = arange(12).reshape(3, 4); saved as grid.t(): storage kept, strides (1, 4).
        Assert.Equal([4L, 3L], tensors["transposed"].Shape);
        Assert.Equal([0f, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], Values<float>(tensors["transposed"]));
        // grid[1]: storage offset 4.
        Assert.Equal([4f, 5, 6, 7], Values<float>(tensors["row"]));
        Assert.Equal([0L, 3, 6, 9], Values<long>(tensors["every_third"]));
        // arange(24).reshape(2, 3, 4).permute(2, 0, 1): element [i, j, k] is 12j + 4k + i.
        Assert.Equal([4L, 2L, 3L], tensors["permuted"].Shape);
        Assert.Equal(
            [0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23],
            Values<short>(tensors["permuted"]).Select(value => (int)value));
    }

    [Fact]
    public void TensorsSharingOneStorageEachGetTheirOwnElements()
    {
        Dictionary<string, StoredTensor> tensors = ReadMixed();

        Assert.Equal([0, 1, 2, 3], Values<int>(tensors["shared_head"]));
        Assert.Equal([6, 7, 8, 9], Values<int>(tensors["shared_tail"]));
    }

    [Fact]
    public void TiedTensorsGetSeparateArrays()
    {
        Dictionary<string, StoredTensor> tensors = ReadMixed();

        Assert.Equal([5f, 6f], Values<float>(tensors["tied_first"]));
        Assert.Equal([5f, 6f], Values<float>(tensors["tied_second"]));
        Assert.NotSame(tensors["tied_first"].Data, tensors["tied_second"].Data);
    }

    [Fact]
    public void EmptyTensorsAndParametersAreRead()
    {
        Dictionary<string, StoredTensor> tensors = ReadMixed();

        Assert.Equal([0L, 3L], tensors["empty"].Shape);
        Assert.Empty(tensors["empty"].Data);
        Assert.Equal([1f, 2f], Values<float>(tensors["parameter"]));
    }

    [Fact]
    public void ReadsAModuleStateDictWithBatchNormBuffersAndMetadata()
    {
        IReadOnlyList<StoredTensor> tensors = PyTorchStateDictReader.Read(files.PathOf("batchnorm.pth"));

        Assert.Equal(
            ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked"],
            tensors.Select(tensor => tensor.Name));
        Assert.Equal([4L, 3L, 3L, 3L], tensors[0].Shape);
        Assert.Equal(Enumerable.Range(0, 108).Select(i => i / 8f), Values<float>(tensors[0]));
        Assert.Equal([1f, 2f, 3f, 4f], Values<float>(tensors[1]));
        Assert.Equal([0f, 0f, 0f, 0f], Values<float>(tensors[4]));
        Assert.Equal([1f, 1f, 1f, 1f], Values<float>(tensors[5]));
        StoredTensor batches = tensors[6];
        Assert.Equal(ScalarType.Int64, batches.DType);
        Assert.Empty(batches.Shape);
        Assert.Equal([0L], Values<long>(batches));
    }

    [Fact]
    public void ReadsFromAStreamThatCannotSeek()
    {
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(files.PathOf("mixed.pth")));

        IReadOnlyList<StoredTensor> tensors = PyTorchStateDictReader.Read(stream, "mixed.pth");

        Assert.Equal([0f, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], Values<float>(tensors.Single(tensor => tensor.Name == "transposed")));
        Assert.Equal(files.Dumps["mixed.pth"].Length, tensors.Count);
    }

    private Dictionary<string, StoredTensor> ReadMixed() =>
        PyTorchStateDictReader.Read(files.PathOf("mixed.pth")).ToDictionary(tensor => tensor.Name);

    private static T[] Values<T>(StoredTensor tensor) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(tensor.Data).ToArray();

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
