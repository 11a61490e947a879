using System.IO.Compression;
using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>
/// Weights to start training from (fine-tuning): a PyTorch state dict (<c>.pth</c>), an ML.NET model zip holding a
/// ModelZoo image classifier (what <c>modelzoo train</c> and <c>modelzoo import</c> write), or a ModelZoo checkpoint. Names and shapes must match the model; a
/// classifier trained for another class count is left freshly initialised.
/// </summary>
public static class InitialWeights
{
    private const string ModelPrefix = "model.";

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>; returns the classifier tensors left fresh.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is neither a state dict nor a ModelZoo file this reader accepts.</exception>
    /// <exception cref="InvalidDataException">The weights are another architecture's, or a shape other than the classifier's differs.</exception>
    public static IReadOnlyList<string> Load(ClassificationModel model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"weights file not found: {path}", path);
        var format = FormatOf(path);
        if (format == Format.ModelZip) return PyTorchWeights.LoadRecords(model, ReadModelZip(path), path, reinitializeClassifierOnMismatch: true);
        if (format == Format.Other) return PyTorchWeights.Load(model, path, reinitializeClassifierOnMismatch: true);
        var records = TensorFile.Read(path).Tensors
            .Where(t => t.Name.StartsWith(ModelPrefix, StringComparison.Ordinal))
            .Select(t => t with { Name = t.Name[ModelPrefix.Length..] })
            .ToList();
        return PyTorchWeights.LoadRecords(model, records, path, reinitializeClassifierOnMismatch: true);
    }

    private enum Format { TensorFile, ModelZip, Other }

    // ModelZoo's files start with TensorFile's magic; an ML.NET model is a zip, and PyTorch's .pth files are zips
    // too, so a zip counts as a model only when it holds a classifier's weights entry; the rest goes to the .pth reader.
    private static Format FormatOf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4) return Format.Other;
            if (magic.SequenceEqual("MZTF"u8)) return Format.TensorFile;
            if (!magic.SequenceEqual("PK\u0003\u0004"u8)) return Format.Other;
        }
        using var zip = ZipFile.OpenRead(path);
        return WeightsEntryOf(zip) is null ? Format.Other : Format.ModelZip;
    }

    private static ZipArchiveEntry? WeightsEntryOf(ZipArchive zip) =>
        zip.Entries.SingleOrDefault(e => e.Name == WeightsEntry.Name && e.FullName.Contains('/'));

    private static List<StoredTensor> ReadModelZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = WeightsEntryOf(zip)!;
        using var reader = new BinaryReader(entry.Open());
        try
        {
            return WeightsEntry.Read(reader, entry.Length)
                .Where(t => t.Name.StartsWith(ModelPrefix, StringComparison.Ordinal))
                .Select(t => t with { Name = t.Name[ModelPrefix.Length..] })
                .ToList();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: the classifier's weights cannot be read: {e.Message}", e);
        }
    }
}
