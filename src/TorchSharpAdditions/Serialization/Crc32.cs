using System.Buffers.Binary;

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// CRC-32 as zlib, zip and PNG compute it (IEEE 802.3, reflected polynomial 0xEDB88320), fed in
/// pieces. Written here because System.IO.Hashing is not part of the shared framework.
/// </summary>
/// <remarks>
/// Slicing-by-8 (eight tables, eight bytes a step) because checkpoints run to gigabytes and the
/// one-table loop manages only a few hundred megabytes a second.
/// </remarks>
internal sealed class Crc32
{
    private const int Slices = 8;
    private static readonly uint[] Tables = BuildTables();

    private uint _register = 0xFFFFFFFFu;

    /// <summary>The checksum of everything appended so far.</summary>
    public uint Value => ~_register;

    /// <summary>Feeds <paramref name="bytes"/> into the checksum.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        uint register = _register;
        ReadOnlySpan<uint> t = Tables;
        while (bytes.Length >= Slices)
        {
            uint low = BinaryPrimitives.ReadUInt32LittleEndian(bytes) ^ register;
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
            register = t[(7 * 256) + (byte)low] ^ t[(6 * 256) + (byte)(low >> 8)] ^ t[(5 * 256) + (byte)(low >> 16)] ^ t[(4 * 256) + (int)(low >> 24)]
                ^ t[(3 * 256) + (byte)high] ^ t[(2 * 256) + (byte)(high >> 8)] ^ t[256 + (byte)(high >> 16)] ^ t[(int)(high >> 24)];
            bytes = bytes[Slices..];
        }
        foreach (byte b in bytes)
            register = t[(byte)(register ^ b)] ^ (register >> 8);
        _register = register;
    }

    // Table k advances the register over a byte followed by k zero bytes.
    private static uint[] BuildTables()
    {
        var tables = new uint[Slices * 256];
        for (uint i = 0; i < 256; i++)
        {
            uint entry = i;
            for (int bit = 0; bit < 8; bit++)
                entry = (entry & 1) != 0 ? (entry >> 1) ^ 0xEDB88320u : entry >> 1;
            tables[i] = entry;
        }
        for (int i = 256; i < tables.Length; i++)
            tables[i] = (tables[i - 256] >> 8) ^ tables[(byte)tables[i - 256]];
        return tables;
    }
}
