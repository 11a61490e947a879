using System.IO.Compression;
using System.Text;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>Crafted files that must be refused with a <see cref="ModelFileException"/>, never run code or exhaust memory.</summary>
public sealed class HostileStateDictTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void GlobalOutsideTheAllowListIsRefusedByName()
    {
        // pickle.dumps(os.system('ls'))'s shape at protocol 2: GLOBAL 'os system', 'ls', TUPLE1, REDUCE, STOP.
        byte[] pickle = [0x80, 0x02, .. "cos\nsystem\n"u8, (byte)'X', 2, 0, 0, 0, .. "ls"u8, 0x85, (byte)'R', (byte)'.'];

        ModelFileException error = Refused(Archive(("archive/data.pkl", pickle)), "model.pth");

        Assert.Equal("model.pth: pickle global 'os.system' is not allowed", error.Message);
    }

    [Fact]
    public void StackGlobalOutsideTheAllowListIsRefusedByName()
    {
        // Protocol 4 names globals through STACK_GLOBAL: 'builtins', 'eval', STACK_GLOBAL.
        byte[] pickle = [0x80, 0x04, 0x8c, 8, .. "builtins"u8, 0x8c, 4, .. "eval"u8, 0x93, (byte)'.'];

        ModelFileException error = Refused(Archive(("archive/data.pkl", pickle)));

        Assert.EndsWith("pickle global 'builtins.eval' is not allowed", error.Message);
    }

    [Fact]
    public void UnsupportedStorageTypeIsNamed()
    {
        byte[] pickle = [0x80, 0x02, .. "ctorch\nUInt16Storage\n"u8, (byte)'.'];

        Assert.EndsWith("storage type 'torch.UInt16Storage' is not supported", Refused(Archive(("archive/data.pkl", pickle))).Message);
    }

    [Fact]
    public void ViewReachingPastItsStorageNamesTensorAndSizes()
    {
        // A 16×3×3×3 float weight (1728 bytes) over a storage of 100 floats (400 bytes).
        byte[] file = TensorArchive("features.0.weight", ScalarType.Float32, storageElements: 100, offset: 0, size: [16, 3, 3, 3], stride: [27, 9, 3, 1]);

        ModelFileException error = Refused(file, "model.pth");

        Assert.Equal("model.pth: tensor 'features.0.weight' needs 1728 bytes at offset 0 but storage 0 holds 400", error.Message);
    }

    [Fact]
    public void ViewStartingPastItsStorageIsRefused()
    {
        byte[] file = TensorArchive("w", ScalarType.Float64, storageElements: 4, offset: 3, size: [2], stride: [1]);

        Assert.EndsWith("tensor 'w' needs 16 bytes at offset 24 but storage 0 holds 32", Refused(file).Message);
    }

    [Fact]
    public void StorageRecordShorterThanDeclaredIsRefused()
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements: 4, offset: 0, size: [4], stride: [1], storageBytes: new byte[8]);

        Assert.EndsWith("record 'archive/data/0' is 8 bytes but should be 16", Refused(file).Message);
    }

    [Fact]
    public void ExpandedViewCannotTurnFewBytesIntoAHugeTensor()
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements: 1, offset: 0, size: [1L << 40], stride: [0]);

        Assert.Contains("overlapping (expanded) views are not supported", Refused(file).Message);
    }

    [Theory]
    [InlineData(1L << 62, "too many to address")]
    [InlineData(1L << 40, "are not supported")]
    public void AbsurdStorageSizesAreRefusedWithoutAllocating(long storageElements, string expectedProblem)
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements, offset: 0, size: [1], stride: [1], storageBytes: new byte[4]);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        ModelFileException error = Refused(file);

        Assert.Contains(expectedProblem, error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1 << 24, "refusing should not allocate the declared size");
    }

    [Fact]
    public void ManyNamesForViewsOfOneStorageCannotMultiplyItsBytes()
    {
        // 1000 names, each a whole view of one 64 KiB storage: 64 MB from a file of about 100 KB.
        var storage = new StorageReference("0", ScalarType.Float32, 1 << 14);
        byte[] pickle = StateDictPickle.Build(Enumerable.Range(0, 1000).Select(i => ($"w{i}", new TensorReference(storage, 0, [1 << 14], [1]))));
        byte[] file = Archive(("archive/data.pkl", pickle), ("archive/data/0", new byte[1 << 16]));
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        ModelFileException error = Refused(file);

        Assert.EndsWith("the tensors up to 'w4' view their storages more than 4 times over; refused", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1 << 22, "refusing should not allocate the views");
    }

    [Fact]
    public void ShapeWhoseElementCountOverflowsIsRefused()
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements: 1, offset: 0, size: [1L << 40, 1L << 40], stride: [0, 0]);

        Assert.Contains("tensor 'w' has shape [1099511627776, 1099511627776], which is negative or too large", Refused(file).Message);
    }

    [Fact]
    public void StringLongerThanThePickleIsRefusedWithoutAllocating()
    {
        byte[] pickle = [0x80, 0x02, (byte)'X', 0xf0, 0xff, 0xff, 0xff, (byte)'.'];

        Assert.Contains("runs past the end", Refused(Archive(("archive/data.pkl", pickle))).Message);
    }

    [Fact]
    public void TruncatedFilesAreRefusedAtEveryLength()
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements: 64, offset: 0, size: [8, 8], stride: [8, 1]);
        Assert.Equal(64, PyTorchStateDictReader.Read(new MemoryStream(file), "whole.pth")[0].Data.Length / 4);

        for (int length = 0; length < file.Length; length += 7)
            Refused(file[..length]);
    }

    [Fact]
    public void BytesCutFromTheMiddleOfAStorageAreDetected()
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements: 64, offset: 0, size: [64], stride: [1]);
        int storageStart = IndexOf(file, "archive/data/0"u8) + "archive/data/0"u8.Length;

        Refused([.. file[..(storageStart + 40)], .. file[(storageStart + 80)..]]);
    }

    [Fact]
    public void FlippedStorageBitFailsTheCrcCheck()
    {
        byte[] file = TensorArchive("w", ScalarType.Float32, storageElements: 4, offset: 0, size: [4], stride: [1]);
        // System.IO.Compression writes no extra field, so the record's data follows its name.
        file[IndexOf(file, "archive/data/0"u8) + "archive/data/0"u8.Length + 5] ^= 0x01;

        Assert.EndsWith("record 'archive/data/0' fails its CRC-32 check; the file is corrupted", Refused(file).Message);
    }

    [Fact]
    public void MissingStorageRecordIsNamed()
    {
        byte[] pickle = OneTensorPickle("w", ScalarType.Float32, storageElements: 1, offset: 0, size: [], stride: []);

        Assert.EndsWith("storage record 'data/0' is missing", Refused(Archive(("archive/data.pkl", pickle))).Message);
    }

    [Fact]
    public void BigEndianFilesAreRefused()
    {
        byte[] file = Archive(("archive/data.pkl", [0x80, 0x02, (byte)'}', (byte)'.']), ("archive/byteorder", "big"u8.ToArray()));

        Assert.EndsWith("the tensors are stored 'big'-endian; only little-endian files are supported", Refused(file).Message);
    }

    [Fact]
    public void PickleThatIsNotADictOfTensorsIsRefused()
    {
        byte[] notADict = Archive(("archive/data.pkl", [0x80, 0x02, (byte)']', (byte)'.']));
        byte[] notATensor = Archive(("archive/data.pkl", [0x80, 0x02, (byte)'}', (byte)'X', 1, 0, 0, 0, (byte)'a', (byte)'K', 7, (byte)'s', (byte)'.']));

        Assert.EndsWith("the pickled object is a List`1, not a state dict (a dict of tensors)", Refused(notADict).Message);
        Assert.EndsWith("state dict entry 'a' is not a tensor; only dicts of tensors are supported", Refused(notATensor).Message);
    }

    [Fact]
    public void LegacyAndNonZipFilesAreRefusedWithAReason()
    {
        // A pre-1.6 torch.save file starts with a pickled magic number: PROTO 2, LONG1 ...
        byte[] legacy = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, (byte)'.'];

        Assert.Contains("legacy (pre-1.6) torch.save format", Refused(legacy).Message);
        Assert.Contains("damaged or truncated zip archive", Refused(Encoding.ASCII.GetBytes("not a model")).Message);
    }

    [Fact]
    public void ReadingAFileByPathNamesThePath()
    {
        string path = _directory.File("weights.pth");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("not a model"));

        ModelFileException error = Assert.Throws<ModelFileException>(() => PyTorchStateDictReader.Read(path));

        Assert.Equal(path, error.FileName);
        Assert.StartsWith($"{path}: ", error.Message);
    }

    public void Dispose() => _directory.Dispose();

    private static ModelFileException Refused(byte[] file, string sourceName = "hostile.pth") =>
        Assert.Throws<ModelFileException>(() => PyTorchStateDictReader.Read(new MemoryStream(file), sourceName));

    /// <summary>A one-tensor state dict whose storage and view are whatever the test needs.</summary>
    private static byte[] TensorArchive(string name, ScalarType type, long storageElements, long offset, long[] size, long[] stride, byte[]? storageBytes = null) =>
        Archive(
            ("archive/data.pkl", OneTensorPickle(name, type, storageElements, offset, size, stride)),
            ("archive/data/0", storageBytes ?? new byte[storageElements * type.ElementSize()]));

    private static byte[] OneTensorPickle(string name, ScalarType type, long storageElements, long offset, long[] size, long[] stride) =>
        StateDictPickle.Build([(name, new TensorReference(new StorageReference("0", type, storageElements), offset, size, stride))]);

    internal static byte[] Archive(params (string Name, byte[] Content)[] records) => Archive(CompressionLevel.NoCompression, records);

    /// <summary>A zip of <paramref name="records"/>, in order, compressed at <paramref name="level"/>.</summary>
    internal static byte[] Archive(CompressionLevel level, params (string Name, byte[] Content)[] records)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in records)
            {
                using Stream record = archive.CreateEntry(name, level).Open();
                record.Write(content);
            }
        }
        return stream.ToArray();
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
