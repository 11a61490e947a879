namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>Checks tensors handed to a writer, so no file is ever written that its reader would refuse.</summary>
internal static class WritableTensors
{
    /// <summary>The tensors as a list, after checking each one and that the names are unique.</summary>
    /// <exception cref="ArgumentException">A tensor is inconsistent or a name repeats.</exception>
    public static List<StoredTensor> Check(IEnumerable<StoredTensor> tensors, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(tensors, parameterName);
        var list = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (StoredTensor tensor in list)
        {
            if (tensor?.Name is null || tensor.Shape is null || tensor.Data is null)
                throw new ArgumentException("a tensor, or its name, shape or data, is null", parameterName);
            if (!names.Add(tensor.Name))
                throw new ArgumentException($"tensor name '{tensor.Name}' appears twice", parameterName);
            if (!ScalarTypeNames.TryFromCode((int)tensor.DType, out _))
                throw new ArgumentException($"tensor '{tensor.Name}' has unknown element type {tensor.DType}", parameterName);
            if (!TensorLayout.TryByteCount(tensor.Shape, tensor.DType, out long bytes))
                throw new ArgumentException($"tensor '{tensor.Name}' has invalid shape [{string.Join(", ", tensor.Shape)}]", parameterName);
            if (bytes != tensor.Data.Length)
                throw new ArgumentException($"tensor '{tensor.Name}' of shape [{string.Join(", ", tensor.Shape)}] and type {tensor.DType.TorchName()} needs {bytes} bytes but has {tensor.Data.Length}", parameterName);
        }
        return list;
    }
}
