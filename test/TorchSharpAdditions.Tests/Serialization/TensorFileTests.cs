using System.Buffers.Binary;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

public sealed class TensorFileTests : IDisposable
{
    private static readonly Dictionary<string, string> Metadata = new()
    {
        ["architecture"] = "mobilenet_v2",
        ["epoch"] = "17",
        ["note"] = "größer als π",
        ["empty"] = "",
    };

    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void RoundTripKeepsTensorsAndMetadataExactly()
    {
        StoredTensor[] written = SampleTensors.All();
        string path = _directory.File("checkpoint.mztf");

        TensorFile.Write(path, written, Metadata);
        TensorFileContents read = TensorFile.Read(path);

        Assert.Equal(Metadata, read.Metadata);
        TensorAssert.Equal(written, read.Tensors);
    }

    [Fact]
    public void LayoutFollowsTheDocumentedFormat()
    {
        string path = _directory.File("layout.mztf");
        byte[] first = [1, 2, 3, 4, 5, 6, 7, 8];
        byte[] second = [9, 10];

        TensorFile.Write(path, [new("w", ScalarType.Int32, [2], first), new("b", ScalarType.Byte, [2], second)], new Dictionary<string, string>());
        byte[] file = File.ReadAllBytes(path);

        Assert.Equal("MZTF"u8.ToArray(), file[..4]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal(file.Length, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(8)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20)));
        // Each entry: name (4 + 1), type (4), rank (4), one dimension (8), offset (8), length (8):
        // 37 bytes, so the header ends at 24 + 2 × 37 = 98 and the data start at 128.
        Assert.Equal((int)ScalarType.Int32, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(29)));
        Assert.Equal(2L, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(37)));
        Assert.Equal(128L, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(45)));
        Assert.Equal(8L, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(53)));
        Assert.Equal(192L, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(45 + 37)));
        Assert.Equal(new byte[128 - 98], file[98..128]);
        Assert.Equal(first, file[128..136]);
        Assert.Equal(second, file[192..194]);
        Assert.Equal(198, file.Length);
        var crc = new Crc32();
        crc.Append(file.AsSpan(0, 194));
        Assert.Equal(crc.Value, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(194)));
    }

    [Fact]
    public void TruncationAtAnyLengthIsDetected()
    {
        byte[] file = WriteSample();

        for (int length = 0; length < file.Length; length++)
            Refused(file[..length]);
    }

    [Fact]
    public void AnyFlippedBitIsDetected()
    {
        byte[] file = WriteSample();

        for (int position = 0; position < file.Length; position++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] damaged = (byte[])file.Clone();
                damaged[position] ^= (byte)(1 << bit);
                Refused(damaged);
            }
        }
    }

    [Fact]
    public void DamagedDataIsReportedAsAChecksumMismatch()
    {
        byte[] file = WriteSample();
        file[^5] ^= 0x10;

        Assert.EndsWith("the checksum does not match; the file is corrupted", Refused(file).Message);
    }

    [Fact]
    public void OtherFilesAndNewerVersionsAreRefusedWithAReason()
    {
        byte[] file = WriteSample();
        byte[] newer = (byte[])file.Clone();
        newer[4] = 2;
        byte[] other = (byte[])file.Clone();
        other[0] = (byte)'P';

        Assert.EndsWith("format version 2 is not supported (this reader knows version 1)", Refused(newer).Message);
        Assert.EndsWith("the file does not start with \"MZTF\", so it is not a ModelZoo tensor file", Refused(other).Message);
        Assert.EndsWith($"the file is {file.Length - 1} bytes but its header says {file.Length}; it is truncated or damaged", Refused(file[..^1]).Message);
    }

    [Fact]
    public void ReplacesAnExistingFileAndLeavesNoTemporaryFiles()
    {
        string path = _directory.File("checkpoint.mztf");
        File.WriteAllText(path, "old content");

        TensorFile.Write(path, [new("w", ScalarType.Int16, [], [1, 2])], Metadata);

        Assert.Equal([1, 2], TensorFile.Read(path).Tensors.Single().Data);
        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();

    private byte[] WriteSample()
    {
        string path = _directory.File("sample.mztf");
        TensorFile.Write(
            path,
            [new("conv.weight", ScalarType.Float32, [2, 2], new byte[16].Select((_, i) => (byte)i).ToArray()), new("steps", ScalarType.Int64, [], [5, 0, 0, 0, 0, 0, 0, 0])],
            new Dictionary<string, string> { ["epoch"] = "3" });
        return File.ReadAllBytes(path);
    }

    private ModelFileException Refused(byte[] file)
    {
        string path = _directory.File("damaged.mztf");
        File.WriteAllBytes(path, file);
        var error = Assert.Throws<ModelFileException>(() => TensorFile.Read(path));
        Assert.StartsWith($"{path}: ", error.Message);
        return error;
    }
}
