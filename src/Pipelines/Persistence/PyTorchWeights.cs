using ModelZoo.Torch;
using ModelZoo.Torch.Serialization;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>
/// Weights in PyTorch's own format: <c>torch.save(model.state_dict(), path)</c> files load into zoo models
/// (torchvision's key names for the architectures torchvision has, megvii's for ShuffleNetV1) and zoo models
/// export to files that <c>torch.load</c> opens. Reading goes through ModelZoo's restricted unpickler: no code runs.
/// </summary>
public static class PyTorchWeights
{
    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="model"/>. Every name and shape must match; with
    /// <paramref name="reinitializeClassifierOnMismatch"/>, classifier tensors trained for another class count
    /// are skipped and the model keeps its fresh classifier (fine-tuning). Returns the skipped names.
    /// </summary>
    public static IReadOnlyList<string> Load(ClassificationModel model, string path, bool reinitializeClassifierOnMismatch = false)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"weights file not found: {path}", path);
        var records = PyTorchStateDictReader.Read(path);
        var state = records.ToDictionary(r => r.Name, r => TensorRecords.ToTensor(r).DetachFromDisposeScope());
        try
        {
            var own = model.state_dict();
            var skipped = new List<string>();
            if (reinitializeClassifierOnMismatch)
                foreach (var (name, tensor) in state)
                    if (own.TryGetValue(name, out var target) && IsOtherClassCount(target.shape, tensor.shape, model.NumClasses))
                        skipped.Add(name);
            foreach (var name in skipped)
            {
                state[name].Dispose();
                state.Remove(name);
            }
            var (missing, unexpected) = model.load_state_dict(state, strict: skipped.Count == 0);
            if (missing.Except(skipped).Any() || unexpected.Count > 0)
                throw new InvalidDataException($"{path}: state dict does not match {model.Name}: " +
                    $"missing {string.Join(", ", missing.Except(skipped).Take(5))}; unexpected {string.Join(", ", unexpected.Take(5))}");
            return skipped;
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        finally
        {
            foreach (var tensor in state.Values) tensor.Dispose();
        }
    }

    /// <summary>Writes the model's state dict in PyTorch's zip format (opens with torch.load).</summary>
    public static void Save(ClassificationModel model, string path) =>
        PyTorchStateDictWriter.Write(path, model.state_dict().Select(p => TensorRecords.ToRecord(p.Key, p.Value)));

    // A classifier tensor's first dimension is the class count: the model's differs from the file's.
    private static bool IsOtherClassCount(long[] own, long[] stored, int numClasses) =>
        own.Length == stored.Length && own.Length > 0 && own[0] == numClasses && stored[0] != numClasses &&
        own.Skip(1).SequenceEqual(stored.Skip(1));
}
