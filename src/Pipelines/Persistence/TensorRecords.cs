using ModelZoo.TorchSharpAdditions.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>Converts between live tensors and the stored records of ModelZoo's files.</summary>
public static class TensorRecords
{
    /// <summary>A stored copy of <paramref name="tensor"/> (on the CPU, row-major, whatever its layout was).</summary>
    public static StoredTensor ToRecord(string name, Tensor tensor)
    {
        using var cpu = tensor.cpu();
        using var dense = cpu.contiguous();
        return new StoredTensor(name, dense.dtype, dense.shape, dense.bytes.ToArray());
    }

    /// <summary>A new CPU tensor (row-major) with a copy of <paramref name="record"/>'s values.</summary>
    public static Tensor ToTensor(StoredTensor record)
    {
        var tensor = torch.empty(record.Shape, record.DType);
        record.Data.CopyTo(tensor.bytes);
        return tensor;
    }

    /// <summary>Every record whose name starts with <paramref name="prefix"/>, the prefix removed, as CPU tensors the caller disposes.</summary>
    public static Dictionary<string, Tensor> WithPrefix(IEnumerable<StoredTensor> records, string prefix) =>
        records.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Name[prefix.Length..], r => ToTensor(r).DetachFromDisposeScope());
}
