using System.IO.Compression;
using System.Text;

namespace ModelZoo.Torch.Serialization;

/// <summary>
/// Writes tensors as a state dict that <c>torch.load</c> (PyTorch 1.6 and later) opens as an
/// OrderedDict of tensors, in the same zip layout <c>torch.save(model.state_dict(), path)</c> uses.
/// </summary>
public static class PyTorchStateDictWriter
{
    // All records live in one top folder; PyTorch reads its name from the first record.
    private const string Folder = "archive/";

    // The serialization format version torch.save has written since PyTorch 1.6.
    private const string FormatVersion = "3\n";

    /// <summary>
    /// Writes <paramref name="tensors"/>, in order, to <paramref name="path"/>. The file is replaced
    /// only once the new one is complete.
    /// </summary>
    /// <param name="path">The .pth file to create or replace.</param>
    /// <param name="tensors">Uniquely named tensors, their data in row-major order.</param>
    /// <exception cref="ArgumentException">A tensor's data does not match its shape and type, or a name repeats.</exception>
    public static void Write(string path, IEnumerable<StoredTensor> tensors)
    {
        List<StoredTensor> checkedTensors = WritableTensors.Check(tensors, nameof(tensors));
        AtomicFile.Write(path, stream => WriteArchive(stream, checkedTensors));
    }

    private static void WriteArchive(Stream stream, List<StoredTensor> tensors)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        AddRecord(archive, "data.pkl", StateDictPickle(tensors));
        AddRecord(archive, "byteorder", Encoding.ASCII.GetBytes("little"));
        for (int i = 0; i < tensors.Count; i++)
            AddRecord(archive, $"data/{i}", tensors[i].Data);
        AddRecord(archive, "version", Encoding.ASCII.GetBytes(FormatVersion));
    }

    private static void AddRecord(ZipArchive archive, string name, byte[] content)
    {
        // Stored, not deflated: PyTorch reads storages in place from the archive.
        ZipArchiveEntry entry = archive.CreateEntry(Folder + name, CompressionLevel.NoCompression);
        using Stream record = entry.Open();
        record.Write(content);
    }

    /// <summary>
    /// The pickle torch.save writes for an OrderedDict of tensors, one storage per tensor:
    /// OrderedDict() then, for each tensor, key and
    /// _rebuild_tensor_v2(persistent_id, 0, size, stride, False, OrderedDict()), then SETITEMS.
    /// </summary>
    private static byte[] StateDictPickle(List<StoredTensor> tensors)
    {
        var pickle = new PickleWriter();
        pickle.Global("collections", "OrderedDict");
        pickle.EmptyTuple();
        pickle.Reduce();
        pickle.Mark();
        for (int i = 0; i < tensors.Count; i++)
        {
            StoredTensor tensor = tensors[i];
            pickle.String(tensor.Name);
            pickle.Global("torch._utils", "_rebuild_tensor_v2");
            pickle.Mark();
            WritePersistentId(pickle, storageKey: i, tensor);
            pickle.Integer(0);
            pickle.IntegerTuple(tensor.Shape);
            pickle.IntegerTuple(TensorLayout.RowMajorStrides(tensor.Shape));
            pickle.Boolean(false);
            pickle.Global("collections", "OrderedDict");
            pickle.EmptyTuple();
            pickle.Reduce();
            pickle.TupleFromMark();
            pickle.Reduce();
        }
        pickle.SetItemsFromMark();
        return pickle.Finish();
    }

    private static void WritePersistentId(PickleWriter pickle, int storageKey, StoredTensor tensor)
    {
        pickle.Mark();
        pickle.String("storage");
        pickle.Global("torch", TorchStorageTypes.ClassNameOf(tensor.DType));
        pickle.String(storageKey.ToString(System.Globalization.CultureInfo.InvariantCulture));
        pickle.String("cpu");
        pickle.Integer(tensor.Data.Length / tensor.DType.ElementSize());
        pickle.TupleFromMark();
        pickle.PersistentId();
    }
}
