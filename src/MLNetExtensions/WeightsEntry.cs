using ModelZoo.Pipelines.Persistence;
using ModelZoo.TorchSharpAdditions.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The model zip's "Weights" entry: the state dict as ModelZoo's tensor records (<see cref="TensorRecords"/>,
/// row-major CPU copies, so channels-last or CUDA weights save too), each written as
/// name, dtype, rank, shape, byte count, bytes; preceded by the entry count. Names carry ModelFile's "model." prefix,
/// so <see cref="ModelFile.Rebuild"/> checks and loads them.
/// </summary>
internal static class WeightsEntry
{
    internal const string Name = "Weights";

    internal static void Write(nn.Module model, BinaryWriter writer)
    {
        var state = model.state_dict();
        writer.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            var record = TensorRecords.ToRecord("model." + name, tensor);
            writer.Write(record.Name);
            writer.Write((int)record.DType);
            writer.Write(record.Shape.Length);
            foreach (var dimension in record.Shape) writer.Write(dimension);
            writer.Write(record.Data.Length);
            writer.Write(record.Data);
        }
    }

    /// <exception cref="InvalidDataException">The entry is truncated or holds impossible sizes.</exception>
    internal static List<StoredTensor> Read(BinaryReader reader, long entryLength)
    {
        try
        {
            var count = reader.ReadInt32();
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
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("it is truncated");
        }
    }
}
