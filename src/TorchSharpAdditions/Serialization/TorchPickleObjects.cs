namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// The only things a state-dict pickle may import or call. Where Python's unpickler would import a
/// module and run a function, this builds inert records instead, so loading a file never runs code.
/// </summary>
internal static class TorchPickleObjects
{
    private static readonly Dictionary<string, TorchFunction> Functions = new()
    {
        ["collections.OrderedDict"] = TorchFunction.OrderedDict,
        ["torch._utils._rebuild_tensor"] = TorchFunction.RebuildTensor,
        ["torch._utils._rebuild_tensor_v2"] = TorchFunction.RebuildTensorV2,
        ["torch._utils._rebuild_parameter"] = TorchFunction.RebuildParameter,
    };

    /// <summary>GLOBAL: an allow-listed function or storage class; anything else is refused.</summary>
    public static object ResolveGlobal(string module, string name)
    {
        string qualified = $"{module}.{name}";
        if (Functions.TryGetValue(qualified, out TorchFunction function))
            return function;
        if (module == "torch" && TorchStorageTypes.TryGetElementType(name, out ScalarType type))
            return new StorageClass(type);
        if (module == "torch" && name.EndsWith("Storage", StringComparison.Ordinal))
            throw new FormatProblemException($"storage type '{qualified}' is not supported");
        throw new FormatProblemException($"pickle global '{qualified}' is not allowed");
    }

    /// <summary>REDUCE: calls an allow-listed function.</summary>
    public static object Call(object? callable, object?[] arguments) => callable switch
    {
        TorchFunction.OrderedDict when arguments.Length == 0 => new OrderedDictionary<object, object?>(),
        TorchFunction.RebuildTensor when arguments.Length == 4 => RebuildTensor(arguments),
        // The optional seventh argument (tensor metadata, PyTorch >= 1.10) carries nothing a state dict needs.
        TorchFunction.RebuildTensorV2 when arguments.Length is 6 or 7 => RebuildTensor(arguments),
        // A Parameter is its data plus requires_grad and hooks, which a stored tensor does not keep.
        TorchFunction.RebuildParameter when arguments.Length == 3 && arguments[0] is TensorReference tensor => tensor,
        TorchFunction function => throw new FormatProblemException($"pickle calls {PythonName(function)} with {arguments.Length} unexpected arguments"),
        _ => throw new FormatProblemException($"pickle calls {Describe(callable)}, which is not an allowed function"),
    };

    /// <summary>BINPERSID: a storage reference ('storage', torch.XStorage, key, location, numel).</summary>
    public static StorageReference PersistentLoad(object? persistentId)
    {
        if (persistentId is not object?[] { Length: 5 } id
            || id[0] is not "storage"
            || id[1] is not StorageClass storageClass
            || id[2] is not string key
            || id[3] is not string
            || id[4] is not long elementCount)
            throw new FormatProblemException($"pickle persistent id {Describe(persistentId)} is not ('storage', torch.<Type>Storage, key, location, numel)");
        if (elementCount < 0)
            throw new FormatProblemException($"storage '{key}' has a negative element count {elementCount}");
        return new StorageReference(key, storageClass.ElementType, elementCount);
    }

    /// <summary>
    /// BUILD: only state on an OrderedDict is accepted, and ignored: it is the state dict's
    /// <c>_metadata</c> (per-module versions), which tensors do not depend on.
    /// </summary>
    public static void Build(object? target)
    {
        if (target is not OrderedDictionary<object, object?>)
            throw new FormatProblemException($"pickle BUILD sets state on {Describe(target)}; only an OrderedDict is allowed");
    }

    private static TensorReference RebuildTensor(object?[] arguments)
    {
        if (arguments[0] is not StorageReference storage)
            throw new FormatProblemException($"tensor is rebuilt from {Describe(arguments[0])} instead of a storage");
        if (arguments[1] is not long offset)
            throw new FormatProblemException($"tensor storage offset is {Describe(arguments[1])} instead of an integer");
        return new TensorReference(storage, offset, ToLongs(arguments[2], "size"), ToLongs(arguments[3], "stride"));
    }

    private static long[] ToLongs(object? value, string what)
    {
        if (value is object?[] tuple && Array.TrueForAll(tuple, item => item is long))
            return Array.ConvertAll(tuple, item => (long)item!);
        throw new FormatProblemException($"tensor {what} is {Describe(value)} instead of a tuple of integers");
    }

    private static string PythonName(TorchFunction function) => Functions.First(pair => pair.Value == function).Key;

    private static string Describe(object? value) => value switch
    {
        null => "None",
        bool or long or double => $"{value}",
        TorchFunction function => PythonName(function),
        string text => $"'{text}'",
        object?[] tuple => $"a tuple of {tuple.Length}",
        StorageClass storageClass => $"torch.{TorchStorageTypes.ClassNameOf(storageClass.ElementType)}",
        _ => value.GetType().Name,
    };
}
