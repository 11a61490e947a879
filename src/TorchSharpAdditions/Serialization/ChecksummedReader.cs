using System.Buffers.Binary;
using System.Text;

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// Reads a file front to back while feeding every byte into a CRC-32, refusing any read that would
/// run past <c>end</c> (the checksum trailer), so each length is checked before it is allocated.
/// </summary>
internal sealed class ChecksummedReader(Stream stream, long end)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Crc32 _crc = new();

    /// <summary>How far into the file the reader is.</summary>
    public long Position { get; private set; }

    /// <summary>Bytes left before the end given at construction.</summary>
    public long Remaining => end - Position;

    /// <summary>The CRC-32 of every byte read so far.</summary>
    public uint Checksum => _crc.Value;

    /// <summary>Fills <paramref name="destination"/> from the file.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="what">Names the field in the error when the file is too short.</param>
    public void Read(Span<byte> destination, string what)
    {
        if (destination.Length > Remaining)
            throw new FormatProblemException($"{what} needs {destination.Length} bytes at offset {Position} but only {Remaining} remain");
        stream.ReadExactly(destination);
        _crc.Append(destination);
        Position += destination.Length;
    }

    /// <summary>A little-endian u32.</summary>
    public uint ReadUInt32(string what)
    {
        Span<byte> bytes = stackalloc byte[4];
        Read(bytes, what);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>A little-endian i32.</summary>
    public int ReadInt32(string what) => unchecked((int)ReadUInt32(what));

    /// <summary>A little-endian i64.</summary>
    public long ReadInt64(string what)
    {
        Span<byte> bytes = stackalloc byte[8];
        Read(bytes, what);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    /// <summary>A u32 byte count, then that many bytes of UTF-8.</summary>
    public string ReadString(string what)
    {
        uint length = ReadUInt32(what);
        if (length > Remaining)
            throw new FormatProblemException($"{what} is {length} bytes long but only {Remaining} remain at offset {Position}");
        var bytes = new byte[length];
        Read(bytes, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatProblemException($"{what} before offset {Position} is not valid UTF-8");
        }
    }

    /// <summary>Reads (and checksums) the bytes up to <paramref name="offset"/>, which must be zero padding.</summary>
    public void SkipPaddingTo(long offset, string what)
    {
        if (offset < Position || offset > end)
            throw new FormatProblemException($"{what} at offset {offset} is outside {Position}..{end}");
        Span<byte> padding = stackalloc byte[64];
        while (Position < offset)
        {
            Span<byte> chunk = padding[..(int)Math.Min(padding.Length, offset - Position)];
            Read(chunk, what);
            if (chunk.ContainsAnyExcept((byte)0))
                throw new FormatProblemException($"padding before {what} is not zero");
        }
    }
}
