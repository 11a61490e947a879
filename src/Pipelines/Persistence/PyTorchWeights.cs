using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;
using TorchSharp;

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
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is not a state dict this reader accepts (see <see cref="PyTorchStateDictReader"/>).</exception>
    /// <exception cref="InvalidDataException">
    /// The weights are for another class count (the message names both counts) or another architecture (the message
    /// names the model's and, when the names are a registered architecture's, that one), or a shape differs.
    /// </exception>
    public static IReadOnlyList<string> Load(ClassificationModel model, string path, bool reinitializeClassifierOnMismatch = false)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"weights file not found: {path}", path);
        return LoadRecords(model, PyTorchStateDictReader.Read(path), path, reinitializeClassifierOnMismatch);
    }

    /// <summary>
    /// <see cref="Load"/> for state-dict records already read (from a <c>.pth</c> or a ModelZoo file);
    /// <paramref name="path"/> names their file in errors.
    /// </summary>
    internal static IReadOnlyList<string> LoadRecords(ClassificationModel model, IReadOnlyList<StoredTensor> records, string path,
        bool reinitializeClassifierOnMismatch)
    {
        var state = records.ToDictionary(r => r.Name, r => TensorRecords.ToTensor(r).DetachFromDisposeScope());
        try
        {
            var own = model.state_dict();
            var otherClassCount = state.Where(p => own.TryGetValue(p.Key, out var target) && IsOtherClassCount(target.shape, p.Value.shape, model.NumClasses))
                .Select(p => p.Key).ToList();
            if (otherClassCount.Count > 0 && !reinitializeClassifierOnMismatch)
                throw new InvalidDataException(
                    $"{path}: the weights are for {state[otherClassCount[0]].shape[0]} classes but {DisplayName(model)} predicts {model.NumClasses} " +
                    $"(tensor '{otherClassCount[0]}' has shape [{string.Join(", ", state[otherClassCount[0]].shape)}] but the model expects " +
                    $"[{string.Join(", ", own[otherClassCount[0]].shape)}]); reinitialise the classifier to fine-tune");
            var skipped = reinitializeClassifierOnMismatch ? otherClassCount : [];
            foreach (var name in skipped)
            {
                state[name].Dispose();
                state.Remove(name);
            }
            var missing = own.Keys.Where(name => !state.ContainsKey(name)).Except(skipped).ToList();
            var unexpected = state.Keys.Where(name => !own.ContainsKey(name)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
                throw new InvalidDataException($"{path}: these are not {DisplayName(model)} weights{OtherArchitecture(records, model)}: " +
                    $"missing {StateDicts.Names(missing)}; unexpected {StateDicts.Names(unexpected)}");
            StateDicts.Load(model, state, strict: false);
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

    private static string DisplayName(ClassificationModel model) => model.Name.Length > 0 ? model.Name : model.GetType().Name;

    /// <summary>
    /// " (they are mobilenet_v2's)" when the file's names and shapes (or, failing that, its names) are those of
    /// registered architectures; else "". Builds each registered architecture once, with one class, to compare:
    /// a few seconds, spent only on this error path.
    /// </summary>
    private static string OtherArchitecture(IReadOnlyList<StoredTensor> records, ClassificationModel model)
    {
        var stored = records.ToDictionary(r => r.Name, r => r.Shape);
        List<string> sameNames = [], sameShapes = [];
        // Building draws initial weights; the caller's random sequence goes on as if it had not.
        using var generator = torch.random.get_rng_state();
        foreach (var entry in ModelRegistry.Default.List())
        {
            using var scope = torch.NewDisposeScope();
            using var candidate = ModelRegistry.Default.Create(entry.Name, new ModelOptions { NumClasses = 1, InChannels = model.Options.InChannels });
            var own = candidate.state_dict();
            if (own.Count != stored.Count || !own.Keys.All(stored.ContainsKey)) continue;
            sameNames.Add(entry.Name);
            if (own.All(p => p.Value.shape.SequenceEqual(stored[p.Key]) || IsOtherClassCount(p.Value.shape, stored[p.Key], 1)))
                sameShapes.Add(entry.Name);
        }
        torch.random.set_rng_state(generator);
        var matches = sameShapes.Count > 0 ? sameShapes : sameNames;
        return matches.Count == 0 ? "" : $" (they are {string.Join(" or ", matches)}'s)";
    }

    // A classifier tensor's first dimension is the class count: the model's differs from the file's.
    private static bool IsOtherClassCount(long[] own, long[] stored, int numClasses) =>
        own.Length == stored.Length && own.Length > 0 && own[0] == numClasses && stored[0] != numClasses &&
        own.Skip(1).SequenceEqual(stored.Skip(1));
}
