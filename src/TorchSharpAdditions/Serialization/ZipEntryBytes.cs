using System.IO.Compression;

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// Reads whole zip records, checking their CRC-32, without trusting the sizes in the zip directory
/// for allocation.
/// </summary>
/// <remarks>
/// Records are allocated in one piece while the total stays within the archive's own length, which
/// stored (uncompressed) records, as <c>torch.save</c> writes them, always do. Beyond that (compressed
/// or overlapping records) buffers grow only as decompressed bytes actually arrive, so a small
/// hostile archive cannot make the reader reserve memory it will never fill.
/// </remarks>
internal sealed class ZipEntryBytes(long archiveLength)
{
    private const int FirstChunk = 1 << 16;

    private long _directBudget = archiveLength;

    /// <summary>The record's bytes, which must number exactly <paramref name="expectedLength"/>.</summary>
    /// <exception cref="FormatProblemException">The record is shorter or longer than expected.</exception>
    public byte[] Read(ZipArchiveEntry entry, long expectedLength)
    {
        if (expectedLength > Array.MaxLength)
            throw new FormatProblemException($"record '{entry.FullName}' is {expectedLength} bytes; records over {Array.MaxLength} bytes are not supported");
        if (entry.Length != expectedLength)
            throw new FormatProblemException($"record '{entry.FullName}' is {entry.Length} bytes but should be {expectedLength}");

        using Stream stream = entry.Open();
        byte[] data;
        if (expectedLength <= _directBudget)
        {
            data = ReadAllocated(stream, entry.FullName, (int)expectedLength);
            _directBudget -= expectedLength;
        }
        else
        {
            data = ReadGrowing(stream, entry.FullName, (int)expectedLength);
        }
        if (stream.ReadByte() >= 0)
            throw new FormatProblemException($"record '{entry.FullName}' holds more than the {expectedLength} bytes its header declares");

        // System.IO.Compression does not check the CRC; PyTorch (through miniz) does, and so do we.
        var crc = new Crc32();
        crc.Append(data);
        if (crc.Value != entry.Crc32)
            throw new FormatProblemException($"record '{entry.FullName}' fails its CRC-32 check; the file is corrupted");
        return data;
    }

    private static byte[] ReadAllocated(Stream stream, string name, int length)
    {
        var data = new byte[length];
        int filled = stream.ReadAtLeast(data, length, throwOnEndOfStream: false);
        return filled == length ? data : throw Truncated(name, filled, length);
    }

    private static byte[] ReadGrowing(Stream stream, string name, int length)
    {
        var data = new byte[Math.Min(length, FirstChunk)];
        int filled = 0;
        while (filled < length)
        {
            if (filled == data.Length)
                Array.Resize(ref data, (int)Math.Min(length, 2L * data.Length));
            int read = stream.Read(data, filled, data.Length - filled);
            if (read == 0)
                throw Truncated(name, filled, length);
            filled += read;
        }
        return data;
    }

    private static FormatProblemException Truncated(string name, int filled, int length) =>
        new($"record '{name}' ends after {filled} of its {length} bytes");
}
