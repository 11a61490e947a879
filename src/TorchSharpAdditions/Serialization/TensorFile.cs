// ModelZoo tensor file (.mztf), format version 1: named tensors plus string metadata, for checkpoints.
//
// All integers are little-endian. A "string" is a u32 byte count followed by that many UTF-8 bytes.
//
//   offset    size  field
//   0         4     magic "MZTF"
//   4         4     u32 format version = 1
//   8         8     u64 file length in bytes, checksum included (truncation shows before any parsing)
//   16        4     u32 metadata entry count M
//   20        4     u32 tensor count N
//   24              M × { string key, string value }             keys unique
//                   N × { string name,                           names unique
//                         i32 element type                       c10::ScalarType number (ScalarType)
//                         u32 rank R, R × i64 dimension          R = 0 for a scalar
//                         u64 data offset                        from the file start, a multiple of 64
//                         u64 data length }                      = product of dimensions × element size
//                   zero padding up to the first data offset
//   data            each tensor's elements, row-major and little-endian, in entry order, each at its
//                   64-byte aligned offset (so the data can be memory-mapped and vector-loaded), with
//                   zero padding between them
//   length - 4  4   u32 CRC-32 (IEEE, as zlib computes it) of every byte before it
//
// A reader refuses a file whose version it does not know; a change to the layout bumps the version.

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>Tensors and metadata as read from a <see cref="TensorFile"/>.</summary>
/// <param name="Tensors">The tensors in the order they were written.</param>
/// <param name="Metadata">The string metadata written with them.</param>
public sealed record TensorFileContents(IReadOnlyList<StoredTensor> Tensors, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// ModelZoo's own checkpoint format: named tensors and string metadata in a versioned, checksummed
/// binary file (the layout is spelled out at the top of this source file).
/// </summary>
public static class TensorFile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int Alignment = 64;
    private const int FixedHeaderLength = 24;
    private const int ChecksumLength = 4;
    private static readonly byte[] Magic = "MZTF"u8.ToArray();

    /// <summary>
    /// Writes <paramref name="tensors"/> and <paramref name="metadata"/> to <paramref name="path"/>. The
    /// file is replaced only once the new one is complete, so a crash never leaves half a checkpoint.
    /// </summary>
    /// <exception cref="ArgumentException">A tensor's data does not match its shape and type, a name repeats, or a metadata value is null.</exception>
    public static void Write(string path, IEnumerable<StoredTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        List<StoredTensor> checkedTensors = WritableTensors.Check(tensors, nameof(tensors));
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Any(pair => pair.Value is null))
            throw new ArgumentException("metadata values must not be null", nameof(metadata));

        byte[] header = Header(checkedTensors, metadata);
        AtomicFile.Write(path, stream =>
        {
            var crc = new Crc32();
            void Emit(ReadOnlySpan<byte> bytes)
            {
                crc.Append(bytes);
                stream.Write(bytes);
            }

            Emit(header);
            foreach (StoredTensor tensor in checkedTensors)
            {
                Emit(new byte[AlignUp(stream.Position) - stream.Position]);
                Emit(tensor.Data);
            }
            Span<byte> checksum = stackalloc byte[ChecksumLength];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(checksum, crc.Value);
            stream.Write(checksum);
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/>, checking its structure and checksum.</summary>
    /// <exception cref="ModelFileException">The file is truncated, corrupted, or not a tensor file of a known version.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static TensorFileContents Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        try
        {
            return Read(stream);
        }
        catch (FormatProblemException e)
        {
            throw new ModelFileException(path, e.Message);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFileException(path, "the file ended while it was being read (was it truncated meanwhile?)", e);
        }
    }

    private static TensorFileContents Read(FileStream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < FixedHeaderLength + ChecksumLength)
            throw new FormatProblemException($"the file is {fileLength} bytes, too short for a tensor file");
        var reader = new ChecksummedReader(stream, fileLength - ChecksumLength);

        Span<byte> magic = stackalloc byte[Magic.Length];
        reader.Read(magic, "magic");
        if (!magic.SequenceEqual(Magic))
            throw new FormatProblemException("the file does not start with \"MZTF\", so it is not a ModelZoo tensor file");
        uint version = reader.ReadUInt32("format version");
        if (version != FormatVersion)
            throw new FormatProblemException($"format version {version} is not supported (this reader knows version {FormatVersion})");
        long declaredLength = reader.ReadInt64("file length");
        if (declaredLength != fileLength)
            throw new FormatProblemException($"the file is {fileLength} bytes but its header says {declaredLength}; it is truncated or damaged");
        uint metadataCount = reader.ReadUInt32("metadata count");
        uint tensorCount = reader.ReadUInt32("tensor count");

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        for (uint i = 0; i < metadataCount; i++)
        {
            string key = reader.ReadString("metadata key");
            if (!metadata.TryAdd(key, reader.ReadString($"metadata value '{key}'")))
                throw new FormatProblemException($"metadata key '{key}' appears twice");
        }

        var entries = new List<(string Name, ScalarType Type, long[] Shape, long Offset, long Length)>();
        for (uint i = 0; i < tensorCount; i++)
            entries.Add(ReadEntry(reader));
        if (entries.Select(entry => entry.Name).Distinct(StringComparer.Ordinal).Count() != entries.Count)
            throw new FormatProblemException("a tensor name appears twice");

        var tensors = new List<StoredTensor>(entries.Count);
        foreach ((string name, ScalarType type, long[] shape, long offset, long length) in entries)
        {
            reader.SkipPaddingTo(offset, $"tensor '{name}'");
            if (length > reader.Remaining)
                throw new FormatProblemException($"tensor '{name}' needs {length} bytes at offset {offset} but the file holds {reader.Remaining} more");
            var data = new byte[length];
            reader.Read(data, $"tensor '{name}'");
            tensors.Add(new StoredTensor(name, type, shape, data));
        }
        reader.SkipPaddingTo(fileLength - ChecksumLength, "the checksum");

        uint computed = reader.Checksum;
        Span<byte> stored = stackalloc byte[ChecksumLength];
        stream.ReadExactly(stored);
        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(stored) != computed)
            throw new FormatProblemException("the checksum does not match; the file is corrupted");
        return new TensorFileContents(tensors, metadata);
    }

    private static (string Name, ScalarType Type, long[] Shape, long Offset, long Length) ReadEntry(ChecksummedReader reader)
    {
        string name = reader.ReadString("tensor name");
        int code = reader.ReadInt32($"element type of '{name}'");
        if (!ScalarTypeNames.TryFromCode(code, out ScalarType type))
            throw new FormatProblemException($"tensor '{name}' has unknown element type {code}");
        uint rank = reader.ReadUInt32($"rank of '{name}'");
        if (rank > reader.Remaining / sizeof(long))
            throw new FormatProblemException($"tensor '{name}' claims rank {rank}, more than the file can hold");
        var shape = new long[rank];
        for (int d = 0; d < shape.Length; d++)
            shape[d] = reader.ReadInt64($"shape of '{name}'");
        long offset = reader.ReadInt64($"data offset of '{name}'");
        long length = reader.ReadInt64($"data length of '{name}'");
        if (!TensorLayout.TryByteCount(shape, type, out long expected) || expected != length)
            throw new FormatProblemException($"tensor '{name}' of shape [{string.Join(", ", shape)}] and type {type.TorchName()} does not match its data length {length}");
        if (offset % Alignment != 0 || length > Array.MaxLength)
            throw new FormatProblemException($"tensor '{name}' has data offset {offset} or length {length} out of range");
        return (name, type, shape, offset, length);
    }

    private static byte[] Header(List<StoredTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        // The header's length does not depend on the offsets it holds (they are fixed-width), so it
        // is measured with zero offsets first, and then written with the real layout.
        long position = SerializeHeader(tensors, metadata, fileLength: 0, new long[tensors.Count]).Length;
        var offsets = new long[tensors.Count];
        for (int i = 0; i < tensors.Count; i++)
        {
            offsets[i] = AlignUp(position);
            position = offsets[i] + tensors[i].Data.Length;
        }
        return SerializeHeader(tensors, metadata, position + ChecksumLength, offsets);
    }

    private static byte[] SerializeHeader(List<StoredTensor> tensors, IReadOnlyDictionary<string, string> metadata, long fileLength, long[] offsets)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        writer.Write(Magic);
        writer.Write((uint)FormatVersion);
        writer.Write(fileLength);
        writer.Write((uint)metadata.Count);
        writer.Write((uint)tensors.Count);
        foreach ((string key, string value) in metadata)
        {
            WriteString(writer, key);
            WriteString(writer, value);
        }
        for (int i = 0; i < tensors.Count; i++)
        {
            WriteString(writer, tensors[i].Name);
            writer.Write((int)tensors[i].DType);
            writer.Write((uint)tensors[i].Shape.Length);
            foreach (long dimension in tensors[i].Shape)
                writer.Write(dimension);
            writer.Write(offsets[i]);
            writer.Write((long)tensors[i].Data.Length);
        }
        writer.Flush();
        return buffer.ToArray();
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(value);
        writer.Write((uint)utf8.Length);
        writer.Write(utf8);
    }

    private static long AlignUp(long position) => (position + Alignment - 1) / Alignment * Alignment;
}
