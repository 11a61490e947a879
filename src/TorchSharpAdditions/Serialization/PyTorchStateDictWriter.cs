using System.IO.Compression;
using System.Text;

namespace ModelZoo.TorchSharpAdditions.Serialization;

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
        AddRecord(archive, "data.pkl", PickleOf(tensors));
        AddRecord(archive, "byteorder", Encoding.ASCII.GetBytes("little"));
        for (int i = 0; i < tensors.Count; i++)
            AddRecord(archive, $"data/{StorageKey(i)}", tensors[i].Data);
        AddRecord(archive, "version", Encoding.ASCII.GetBytes(FormatVersion));
    }

    private static void AddRecord(ZipArchive archive, string name, byte[] content)
    {
        // Stored, not deflated: PyTorch reads storages in place from the archive.
        ZipArchiveEntry entry = archive.CreateEntry(Folder + name, CompressionLevel.NoCompression);
        using Stream record = entry.Open();
        record.Write(content);
    }

    // One storage per tensor, keyed by position, viewed whole in row-major order.
    private static byte[] PickleOf(List<StoredTensor> tensors) =>
        StateDictPickle.Build(tensors.Select((tensor, i) => (
            tensor.Name,
            new TensorReference(
                new StorageReference(StorageKey(i), tensor.DType, tensor.Data.Length / tensor.DType.StoredElementSize()),
                StorageOffset: 0,
                tensor.Shape,
                TensorLayout.RowMajorStrides(tensor.Shape)))));

    private static string StorageKey(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
