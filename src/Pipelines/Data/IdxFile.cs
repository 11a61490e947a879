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
    /// sizes an allocation, and a small gzip file never unpacks past what its header declares.
    /// </summary>
    /// <exception cref="InvalidDataException">The magic, the dimensions, the length or the gzip data is wrong; the message names the file.</exception>
    internal static IdxFile Read(string path, int dimensionCount)
    {
        var raw = File.ReadAllBytes(path);
        var gzipped = raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B;
        var (content, length) = gzipped ? Gunzip(path, raw, dimensionCount) : (raw, raw.Length);
        return Parse(path, content, length, dimensionCount, complete: !gzipped);
    }

    private static IdxFile Parse(string path, byte[] content, int length, int dimensionCount, bool complete)
    {
        var data = content.AsSpan(0, length);
        var headerSize = HeaderSize(dimensionCount);
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
        var expected = ValueCount(dimensions, length);
        var shape = string.Join(", ", dimensions);
        if (expected > length)
            throw new InvalidDataException($"{path}: header dimensions [{shape}] describe more values than the file's {length} bytes");
        if (expected != length - headerSize)
        {
            var holds = complete || length - headerSize < expected ? $"{length}" : "more";
            throw new InvalidDataException($"{path}: header dimensions [{shape}] need {headerSize} + {expected} bytes, the file holds {holds}");
        }
        return new IdxFile(dimensions, new ReadOnlyMemory<byte>(content, headerSize, length - headerSize));
    }

    private static int HeaderSize(int dimensionCount) => 4 + 4 * dimensionCount;

    /// <summary>The product of the dimensions, or some value above <paramref name="limit"/> once it passes it.</summary>
    private static long ValueCount(int[] dimensions, long limit)
    {
        long count = 1;
        foreach (var dimension in dimensions)
        {
            // Both factors stay below 2^31 until the product passes the limit, so it cannot overflow.
            count *= dimension;
            if (count > limit) break;
        }
        return count;
    }

    /// <summary>
    /// Unpacks the header, then at most the values it declares and one byte more (enough to tell that
    /// there are too many), so the output grows only with the header's claim and the data actually there.
    /// </summary>
    private static (byte[] Content, int Length) Gunzip(string path, byte[] raw, int dimensionCount)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            var unpacked = new MemoryStream();
            var headerSize = HeaderSize(dimensionCount);
            CopyAtMost(gzip, unpacked, headerSize);
            if (unpacked.Length == headerSize)
            {
                var dimensions = new int[dimensionCount];
                for (var d = 0; d < dimensionCount; d++)
                    dimensions[d] = Math.Max(0, BinaryPrimitives.ReadInt32BigEndian(unpacked.GetBuffer().AsSpan(4 + 4 * d, 4)));
                var room = Array.MaxLength - headerSize - 1;
                CopyAtMost(gzip, unpacked, Math.Min(ValueCount(dimensions, room), room) + 1);
            }
            return (unpacked.GetBuffer(), checked((int)unpacked.Length));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: corrupt gzip data: {e.Message}", e);
        }
    }

    private static void CopyAtMost(Stream source, Stream destination, long count)
    {
        var buffer = new byte[81920];
        for (int read; count > 0 && (read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, count))) > 0; count -= read)
            destination.Write(buffer, 0, read);
    }
}
