using System.Security.Cryptography;
using ModelZoo.TorchSharpAdditions.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>
/// The ML.NET model zip's "Weights" entry (written by the image classifier transformer; read back by it and, for
/// fine-tuning, by <see cref="InitialWeights"/>): the state dict as ModelZoo's tensor records (<see cref="TensorRecords"/>,
/// row-major CPU copies, so channels-last or CUDA weights save too). Layout: the marker <see cref="Checksummed"/>, the
/// payload's byte count, the payload, and the payload's SHA-256. The payload is the tensor count, then per tensor its
/// name, dtype, rank, shape, byte count and bytes. Names carry ModelFile's "model." prefix, so
/// <see cref="ModelFile.Rebuild"/> checks and loads them. Zip readers do not check entry CRCs, and weights are stored
/// uncompressed, so without the hash a flipped bit would load as a silently different network. Entries written before
/// the hash (no marker: the payload alone) are still read.
/// </summary>
public static class WeightsEntry
{
    /// <summary>The entry's file name inside the transformer's folder of the zip.</summary>
    public const string Name = "Weights";

    // A tensor count is never negative, so this first value tells a checksummed entry from an older bare payload.
    private const int Checksummed = -2;
    private const int HashBytes = 32;

    /// <summary>Writes <paramref name="model"/>'s state dict with its checksum.</summary>
    public static void Write(nn.Module model, BinaryWriter writer)
    {
        using var payload = new MemoryStream();
        using (var records = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var state = model.state_dict();
            records.Write(state.Count);
            foreach (var (name, tensor) in state)
            {
                var record = TensorRecords.ToRecord("model." + name, tensor);
                records.Write(record.Name);
                records.Write((int)record.DType);
                records.Write(record.Shape.Length);
                foreach (var dimension in record.Shape) records.Write(dimension);
                records.Write(record.Data.Length);
                records.Write(record.Data);
            }
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        writer.Write(Checksummed);
        writer.Write(payload.Length);
        writer.Write(bytes);
        writer.Write(SHA256.HashData(bytes));
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <paramref name="entryLength"/> bounds the sizes it believes.</summary>
    /// <exception cref="InvalidDataException">The entry is truncated, holds impossible sizes, or its checksum does not match.</exception>
    public static List<StoredTensor> Read(BinaryReader reader, long entryLength)
    {
        try
        {
            var first = reader.ReadInt32();
            if (first != Checksummed) return ReadRecords(reader, first, entryLength);
            var length = reader.ReadInt64();
            if (length < 0 || length > entryLength) throw new InvalidDataException($"it claims {length} bytes of weights");
            var payload = reader.ReadBytes((int)length);
            var hash = reader.ReadBytes(HashBytes);
            if (payload.Length != length || hash.Length != HashBytes) throw new EndOfStreamException();
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(hash))
                throw new InvalidDataException("the weights' checksum does not match; the file is corrupted");
            using var records = new BinaryReader(new MemoryStream(payload));
            return ReadRecords(records, records.ReadInt32(), length);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("it is truncated");
        }
    }

    private static List<StoredTensor> ReadRecords(BinaryReader reader, int count, long entryLength)
    {
        if (count < 0 || count > entryLength) throw new InvalidDataException($"it claims {count} tensors");
        var records = new List<StoredTensor>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var dtype = (ScalarType)reader.ReadInt32();
            var rank = reader.ReadInt32();
            if (rank is < 0 or > 8) throw new InvalidDataException($"tensor '{name}' has rank {rank}");
            var shape = new long[rank];
            for (var d = 0; d < rank; d++) shape[d] = reader.ReadInt64();
            var length = reader.ReadInt32();
            if (length < 0 || length > entryLength) throw new InvalidDataException($"tensor '{name}' claims {length} bytes");
            var data = reader.ReadBytes(length);
            if (data.Length != length) throw new EndOfStreamException();
            records.Add(new StoredTensor(name, dtype, shape, data));
        }
        return records;
    }
}
