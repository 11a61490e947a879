using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>
/// Weights to start training from (fine-tuning): a PyTorch state dict (<c>.pth</c>), or a ModelZoo model file or
/// checkpoint (for instance one that <c>modelzoo import</c> wrote). Names and shapes must match the model; a
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
        if (!IsModelZooFile(path)) return PyTorchWeights.Load(model, path, reinitializeClassifierOnMismatch: true);
        var records = TensorFile.Read(path).Tensors
            .Where(t => t.Name.StartsWith(ModelPrefix, StringComparison.Ordinal))
            .Select(t => t with { Name = t.Name[ModelPrefix.Length..] })
            .ToList();
        return PyTorchWeights.LoadRecords(model, records, path, reinitializeClassifierOnMismatch: true);
    }

    // ModelZoo's files start with TensorFile's magic; everything else is offered to the .pth reader.
    private static bool IsModelZooFile(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("MZTF"u8);
    }
}
