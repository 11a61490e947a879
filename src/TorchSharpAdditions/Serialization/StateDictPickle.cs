namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>The pickle <c>torch.save</c> writes for an OrderedDict of tensors, built from tensor references.</summary>
internal static class StateDictPickle
{
    /// <summary>
    /// OrderedDict() then, per entry, its name and
    /// <c>_rebuild_tensor_v2(('storage', torch.&lt;Type&gt;Storage, key, 'cpu', numel), offset, size, stride, False, OrderedDict())</c>,
    /// then SETITEMS.
    /// </summary>
    public static byte[] Build(IEnumerable<(string Name, TensorReference Tensor)> entries)
    {
        var pickle = new PickleWriter();
        EmptyOrderedDict(pickle);
        pickle.Mark();
        foreach ((string name, TensorReference tensor) in entries)
        {
            pickle.String(name);
            pickle.Global("torch._utils", "_rebuild_tensor_v2");
            pickle.Mark();
            PersistentId(pickle, tensor.Storage);
            pickle.Integer(tensor.StorageOffset);
            pickle.IntegerTuple(tensor.Size);
            pickle.IntegerTuple(tensor.Stride);
            pickle.Boolean(false);
            EmptyOrderedDict(pickle); // backward hooks
            pickle.TupleFromMark();
            pickle.Reduce();
        }
        pickle.SetItemsFromMark();
        return pickle.Finish();
    }

    private static void EmptyOrderedDict(PickleWriter pickle)
    {
        pickle.Global("collections", "OrderedDict");
        pickle.EmptyTuple();
        pickle.Reduce();
    }

    private static void PersistentId(PickleWriter pickle, StorageReference storage)
    {
        pickle.Mark();
        pickle.String("storage");
        pickle.Global("torch", TorchStorageTypes.ClassNameOf(storage.ElementType));
        pickle.String(storage.Key);
        pickle.String("cpu");
        pickle.Integer(storage.ElementCount);
        pickle.TupleFromMark();
        pickle.PersistentId();
    }
}
