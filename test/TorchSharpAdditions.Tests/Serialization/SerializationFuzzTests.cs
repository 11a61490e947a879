using System.Buffers.Binary;
using System.IO.Compression;
using ModelZoo.Testing;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>
/// Damaged tensor files and PyTorch state dicts load or fail with a <see cref="ModelFileException"/>
/// naming the file: no other exception, no hang, no allocation a header merely asks for.
/// </summary>
public sealed class SerializationFuzzTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new(Fuzzer.ScratchRoot);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void DamagedTensorFilesLoadOrFailWithModelFileException()
    {
        string path = _directory.File("fuzz.mztf");
        StoredTensor[] tensors = [.. SampleTensors.All().Where(tensor => tensor.Data.Length < 1024)];
        TensorFile.Write(path, tensors, new Dictionary<string, string> { ["architecture"] = "squeezenet1_1", ["epoch"] = "3" });
        byte[] original = File.ReadAllBytes(path);

        // Half the inputs get their length field and checksum fixed, so the damage reaches the structure behind them.
        var (accepted, refused) = Fuzzer.Run(301, random => random.Next(2) == 0 ? RepairTensorFile(Fuzzer.Mutate(original, random)) : Fuzzer.Mutate(original, random), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            foreach (StoredTensor tensor in TensorFile.Read(path).Tensors)
                Assert.True(TensorLayout.TryByteCount(tensor.Shape, tensor.DType, out long length) && length == tensor.Data.Length, tensor.Name);
        }, typeof(ModelFileException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void DamagedStateDictsLoadOrFailWithModelFileException()
    {
        byte[] saved = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Serialization", "Fixtures", "tiny_state_dict.pth"));
        (string Name, byte[] Content)[] records = Records(saved);
        Assert.Equal(14, PyTorchStateDictReader.Read(new MemoryStream(saved), "tiny_state_dict.pth").Count);

        var (accepted, refused) = Fuzzer.Run(302, random => random.Next(3) switch
        {
            0 => Fuzzer.Mutate(saved, random),
            // The zip stays valid (CRCs and all) around a damaged record, so the pickle or a storage is what is tested.
            _ => DamageOneRecord(records, random),
        }, bytes =>
        {
            foreach (StoredTensor tensor in PyTorchStateDictReader.Read(new MemoryStream(bytes), "fuzz.pth"))
                Assert.True(TensorLayout.TryByteCount(tensor.Shape, tensor.DType, out long length) && length == tensor.Data.Length, tensor.Name);
        }, typeof(ModelFileException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    private static (string Name, byte[] Content)[] Records(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(entry =>
        {
            using var content = new MemoryStream();
            using (Stream stream = entry.Open()) stream.CopyTo(content);
            return (entry.FullName, content.ToArray());
        })];
    }

    /// <summary>The archive again with the pickle (half the time) or another record damaged, stored or deflated.</summary>
    private static byte[] DamageOneRecord((string Name, byte[] Content)[] records, Random random)
    {
        int damaged = random.Next(2) == 0 ? 0 : random.Next(records.Length);
        (string Name, byte[] Content)[] copy = [.. records];
        copy[damaged] = (copy[damaged].Name, Fuzzer.Mutate(copy[damaged].Content, random));
        return HostileStateDictTests.Archive(random.Next(4) == 0 ? CompressionLevel.Fastest : CompressionLevel.NoCompression, copy);
    }

    /// <summary>Writes the file's real length into its header and the CRC of everything before the trailer into it.</summary>
    private static byte[] RepairTensorFile(byte[] file)
    {
        if (file.Length < 28) return file;
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(8), file.Length);
        var crc = new Crc32();
        crc.Append(file.AsSpan(0, file.Length - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), crc.Value);
        return file;
    }
}
