using System.Buffers.Binary;
using System.IO.Compression;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// An IDX file (MNIST's format) of unsigned bytes: a 4-byte magic (0, 0, type 0x08, number of
/// dimensions), the dimensions as big-endian int32, then the values row-major.
/// </summary>
internal sealed class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    private IdxFile(int[] dimensions, ReadOnlyMemory<byte> values)
    {
        Dimensions = dimensions;
        Values = values;
    }

    internal int[] Dimensions { get; }

    internal ReadOnlyMemory<byte> Values { get; }

    /// <summary>
    /// Reads <paramref name="path"/>, gunzipping it when it starts with the gzip magic, and
    /// checks that the header describes exactly the bytes present, so a corrupt header never
    /// sizes an allocation.
    /// </summary>
    internal static IdxFile Read(string path, int dimensionCount)
    {
        var (content, length) = ReadContent(path);
        var data = content.AsSpan(0, length);
        var headerSize = 4 + 4 * dimensionCount;
        if (length < 4 || data[0] != 0 || data[1] != 0 || data[2] != UnsignedByteType || data[3] != dimensionCount)
            throw new InvalidDataException(
                $"{path}: magic {Convert.ToHexString(data[..Math.Min(4, length)])} is not that of unsigned-byte IDX data " +
                $"with {dimensionCount} dimensions (expected 000008{dimensionCount:X2})");
        if (length < headerSize)
            throw new InvalidDataException($"{path}: {length} bytes is too short for an IDX header of {dimensionCount} dimensions");

        var dimensions = new int[dimensionCount];
        for (var d = 0; d < dimensionCount; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(data.Slice(4 + 4 * d, 4));
            if (dimensions[d] < 0) throw new InvalidDataException($"{path}: dimension {d} is negative ({dimensions[d]})");
        }
        long expected = 1;
        foreach (var dimension in dimensions)
        {
            // Both factors stay below 2^31 until the product passes the length, so it cannot overflow.
            expected *= dimension;
            if (expected > length) break;
        }
        var shape = string.Join(", ", dimensions);
        if (expected > length)
            throw new InvalidDataException($"{path}: header dimensions [{shape}] describe more values than the file's {length} bytes");
        if (expected != length - headerSize)
            throw new InvalidDataException($"{path}: header dimensions [{shape}] need {headerSize} + {expected} bytes, the file holds {length}");
        return new IdxFile(dimensions, new ReadOnlyMemory<byte>(content, headerSize, length - headerSize));
    }

    private static (byte[] Content, int Length) ReadContent(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B) return (raw, raw.Length);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            var unpacked = new MemoryStream();
            gzip.CopyTo(unpacked);
            return (unpacked.GetBuffer(), checked((int)unpacked.Length));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: corrupt gzip data: {e.Message}", e);
        }
    }
}
