using System.IO.Compression;

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// Reads the tensors of a state dict saved by <c>torch.save(model.state_dict(), path)</c> in the zip
/// format of PyTorch 1.6 and later, without Python or libtorch.
/// </summary>
/// <remarks>
/// <para>
/// libtorch's own <c>torch::pickle_load</c> cannot read these files before 2.6 (the state dict is an
/// OrderedDict, pytorch/pytorch#100741), so the format is read here: a zip with
/// <c>&lt;folder&gt;/data.pkl</c> (a pickle of the dict whose tensors point at storages through
/// persistent ids) and one <c>&lt;folder&gt;/data/&lt;key&gt;</c> record of raw little-endian bytes per
/// storage.
/// </para>
/// <para>
/// Loading never runs code. The pickle runs on <see cref="RestrictedUnpickler"/>, a pickle machine written
/// here that accepts only the opcodes <c>torch.save</c> writes for a state dict (protocols 2 to 5: none,
/// booleans, integers, floats, strings, tuples, lists, dicts, marks, the memo, GLOBAL/STACK_GLOBAL, REDUCE,
/// BUILD and BINPERSID) and only the globals a state dict needs (<c>collections.OrderedDict</c>,
/// <c>torch._utils._rebuild_tensor</c>, <c>_rebuild_tensor_v2</c> and <c>_rebuild_parameter</c>, and the
/// typed-storage classes such as <c>torch.FloatStorage</c>). It imports nothing and calls nothing: each
/// allowed global becomes an inert record, any other global or opcode refuses the file, and the only state
/// BUILD may set is an OrderedDict's, which is ignored.
/// </para>
/// <para>
/// No size in the file is trusted: every string and record length is checked against the bytes that
/// remain before it is allocated, record CRCs are checked, each tensor view must lie inside its storage,
/// and the tensors together may hold at most four times the bytes of the storages they view (tied weights,
/// one tensor under two names, hold twice).
/// </para>
/// </remarks>
public static class PyTorchStateDictReader
{
    private const int MaxByteOrderLength = 16;

    // Legitimate views partition a storage, overlap a little or name it twice (tied weights); more is refused.
    private const int MaxViewRepeat = 4;

    /// <summary>Reads the state dict in the file at <paramref name="path"/>.</summary>
    /// <returns>The tensors in the dict's order, each materialised in row-major order.</returns>
    /// <exception cref="ModelFileException">The file is not a readable state dict, or it is refused.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static IReadOnlyList<StoredTensor> Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a state dict from <paramref name="stream"/>, which stays open.</summary>
    /// <param name="stream">The zip archive; seekable streams avoid a copy into memory.</param>
    /// <param name="sourceName">Names the data in error messages, usually its file name.</param>
    /// <returns>The tensors in the dict's order, each materialised in row-major order.</returns>
    /// <exception cref="ModelFileException">The data is not a readable state dict, or it is refused.</exception>
    public static IReadOnlyList<StoredTensor> Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            RejectLegacyFormat(stream);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return ReadArchive(archive, new ZipEntryBytes(stream.CanSeek ? stream.Length : 0));
        }
        catch (FormatProblemException e)
        {
            throw new ModelFileException(sourceName, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ModelFileException(sourceName, $"damaged or truncated zip archive ({e.Message})", e);
        }
    }

    private static StoredTensor[] ReadArchive(ZipArchive archive, ZipEntryBytes records)
    {
        ZipArchiveEntry pickleEntry = FindPickle(archive);
        string folder = pickleEntry.FullName[..^"data.pkl".Length];
        if (archive.GetEntry(folder + "constants.pkl") is not null)
            throw new FormatProblemException("this is a TorchScript archive (torch.jit.save); save the weights with torch.save(model.state_dict(), path)");
        CheckLittleEndian(archive.GetEntry(folder + "byteorder"), records);

        object? root = RestrictedUnpickler.Load(records.Read(pickleEntry, pickleEntry.Length));
        List<(string Name, TensorReference Tensor)> entries = StateDictEntries(root).ToList();

        // Each storage is read once and dropped after its last tensor, which may take the array over.
        Dictionary<string, int> usesLeft = entries.CountBy(entry => entry.Tensor.Storage.Key).ToDictionary();
        var storages = new Dictionary<string, byte[]>();
        // All views together may hold at most MaxViewRepeat times their storages' bytes, so a short pickle
        // that names one large storage over and over cannot make the reader allocate without bound.
        long viewBytesLeft = SaturatingMultiply(MaxViewRepeat, entries.Select(entry => entry.Tensor.Storage).DistinctBy(storage => storage.Key)
            .Aggregate(0L, (sum, storage) => SaturatingAdd(sum, SaturatingMultiply(storage.ElementCount, storage.ElementType.StoredElementSize()))));
        var tensors = new StoredTensor[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            (string name, TensorReference tensor) = entries[i];
            byte[] storage = LoadStorage(tensor.Storage);
            bool lastUse = --usesLeft[tensor.Storage.Key] == 0;
            if (lastUse)
                storages.Remove(tensor.Storage.Key);
            // One view is at most its storage (StridedView checks), so the budget is overrun by one storage at most.
            byte[] data = StridedView.ToRowMajor(name, tensor, storage, storageIsSpare: lastUse);
            if ((viewBytesLeft -= data.Length) < 0)
                throw new FormatProblemException($"the tensors up to '{name}' view their storages more than {MaxViewRepeat} times over; refused");
            tensors[i] = new StoredTensor(name, tensor.Storage.ElementType, tensor.Size, data);
        }
        return tensors;

        byte[] LoadStorage(StorageReference storage)
        {
            if (!TensorLayout.TryMultiply(storage.ElementCount, storage.ElementType.StoredElementSize(), out long length))
                throw new FormatProblemException($"storage {storage.Key} declares {storage.ElementCount} elements, too many to address");
            if (!storages.TryGetValue(storage.Key, out byte[]? bytes))
            {
                ZipArchiveEntry entry = archive.GetEntry($"{folder}data/{storage.Key}")
                    ?? throw new FormatProblemException($"storage record 'data/{storage.Key}' is missing");
                storages[storage.Key] = bytes = records.Read(entry, length);
            }
            if (bytes.Length != length)
                throw new FormatProblemException($"storage {storage.Key} is declared as {length} bytes here and {bytes.Length} bytes elsewhere");
            return bytes;
        }
    }

    private static long SaturatingMultiply(long a, long b) => TensorLayout.TryMultiply(a, b, out long product) ? product : long.MaxValue;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static ZipArchiveEntry FindPickle(ZipArchive archive)
    {
        // torch.save puts every record in one top folder named after the file; its name varies.
        ZipArchiveEntry[] pickles = archive.Entries
            .Where(entry => entry.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) && entry.FullName.IndexOf('/') == entry.FullName.Length - "/data.pkl".Length)
            .ToArray();
        return pickles.Length switch
        {
            1 => pickles[0],
            0 => throw new FormatProblemException("the zip archive has no '<folder>/data.pkl' record, so it was not written by torch.save"),
            _ => throw new FormatProblemException($"the zip archive has {pickles.Length} '<folder>/data.pkl' records instead of one"),
        };
    }

    private static void CheckLittleEndian(ZipArchiveEntry? byteOrderEntry, ZipEntryBytes records)
    {
        // Files from PyTorch before 2.1 have no byteorder record; they are little-endian in practice.
        if (byteOrderEntry is null)
            return;
        if (byteOrderEntry.Length > MaxByteOrderLength)
            throw new FormatProblemException($"the byteorder record is {byteOrderEntry.Length} bytes long");
        string byteOrder = System.Text.Encoding.ASCII.GetString(records.Read(byteOrderEntry, byteOrderEntry.Length)).Trim();
        if (byteOrder != "little")
            throw new FormatProblemException($"the tensors are stored '{byteOrder}'-endian; only little-endian files are supported");
    }

    private static IEnumerable<(string Name, TensorReference Tensor)> StateDictEntries(object? root)
    {
        if (root is not OrderedDictionary<object, object?> dict)
            throw new FormatProblemException($"the pickled object is a {root?.GetType().Name ?? "None"}, not a state dict (a dict of tensors)");
        foreach ((object key, object? value) in dict)
        {
            if (key is not string name)
                throw new FormatProblemException($"state dict key {key} is not a string");
            if (value is not TensorReference tensor)
                throw new FormatProblemException($"state dict entry '{name}' is not a tensor; only dicts of tensors are supported");
            yield return (name, tensor);
        }
    }

    private static void RejectLegacyFormat(Stream stream)
    {
        // Files from torch.save before 1.6 (or with _use_new_zipfile_serialization=False) are a bare
        // pickle stream, which starts with the PROTO opcode instead of a zip signature.
        if (!stream.CanSeek || stream.Length - stream.Position < 1)
            return;
        long start = stream.Position;
        int first = stream.ReadByte();
        stream.Position = start;
        if (first == 0x80)
            throw new FormatProblemException("this is the legacy (pre-1.6) torch.save format; re-save it with a current torch.save");
    }
}
