namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>A pickle global that names a typed-storage class such as <c>torch.FloatStorage</c>.</summary>
internal sealed record StorageClass(ScalarType ElementType);

/// <summary>The allow-listed functions a state-dict pickle may call through REDUCE.</summary>
internal enum TorchFunction
{
    OrderedDict,
    RebuildTensor,
    RebuildTensorV2,
    RebuildParameter,
}

/// <summary>
/// A persistent id ('storage', class, key, location, numel): a reference to the zip record
/// <c>data/&lt;key&gt;</c> holding <see cref="ElementCount"/> elements. The bytes are read later.
/// </summary>
internal sealed record StorageReference(string Key, ScalarType ElementType, long ElementCount);

/// <summary>What <c>_rebuild_tensor_v2</c> would build: a strided view into a storage, in elements.</summary>
internal sealed record TensorReference(StorageReference Storage, long StorageOffset, long[] Size, long[] Stride);
