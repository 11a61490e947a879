using ModelZoo.Torch;
using ModelZoo.Torch.Serialization;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>Converts between live tensors and the stored records of ModelZoo's files.</summary>
public static class TensorRecords
{
    /// <summary>A stored copy of <paramref name="tensor"/> (on the CPU, row-major).</summary>
    public static StoredTensor ToRecord(string name, Tensor tensor)
    {
        using var cpu = tensor.to(Device.CPU);
        using var dense = cpu.contiguous();
        return new StoredTensor(name, dense.dtype, dense.shape, dense.bytes());
    }

    /// <summary>A new CPU tensor from a stored record.</summary>
    public static Tensor ToTensor(StoredTensor record) => torch.frombuffer(record.Data, record.DType, record.Shape);

    /// <summary>Every record whose name starts with <paramref name="prefix"/>, the prefix removed, as CPU tensors the caller disposes.</summary>
    public static Dictionary<string, Tensor> WithPrefix(IEnumerable<StoredTensor> records, string prefix) =>
        records.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Name[prefix.Length..], r => ToTensor(r).DetachFromDisposeScope());
}
