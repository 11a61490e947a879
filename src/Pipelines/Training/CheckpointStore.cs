using System.Globalization;
using System.Text.Json;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// Per-epoch checkpoints in one folder: <c>epoch-NNN.mzckpt</c> (the last K kept) and <c>best.mzckpt</c>.
/// A checkpoint is a model file (it opens with <see cref="ModelFile.Load"/>) plus the optimizer state
/// ("optim.", see <see cref="OptimizerStateRecords"/>), the EMA weights ("ema."), libtorch's generator
/// state ("rng.torch") and the run state
/// (metadata "run_state"). Files are written to a temporary name and renamed, so a crash or a kill never
/// leaves a half-written checkpoint, and a failed save keeps the previous one.
/// </summary>
public sealed class CheckpointStore(string directory, int keep, IReadOnlyList<string> classNames, Preprocessing preprocessing)
{
    /// <summary>File name extension of checkpoints.</summary>
    public const string Extension = ".mzckpt";

    /// <summary>The newest per-epoch checkpoint in <paramref name="directory"/>, or null.</summary>
    public static string? Latest(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "epoch-*" + Extension).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            : null;

    /// <summary>Creates the folder if needed and proves it writable before any training time is spent.</summary>
    public static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"output directory '{directory}' is not writable: {e.Message}", e);
        }
    }

    /// <summary>Writes the checkpoint of the epoch just finished and prunes old ones.</summary>
    public void Save(RunState state, ClassificationModel model, OptimizerHelper optimizer, WeightAverage? ema, bool isBest)
    {
        var metadata = ModelFile.Describe(new TrainedModel(model, classNames, preprocessing));
        metadata["kind"] = "checkpoint";
        metadata["run_state"] = JsonSerializer.Serialize(state);
        var records = new List<StoredTensor>();
        records.AddRange(model.state_dict().Select(p => TensorRecords.ToRecord("model." + p.Key, p.Value)));
        records.AddRange(OptimizerStateRecords.Of(optimizer, "optim."));
        if (ema is not null) records.AddRange(ema.State.Select(p => TensorRecords.ToRecord("ema." + p.Key, p.Value)));
        using (var rng = torch.random.get_rng_state()) records.Add(TensorRecords.ToRecord("rng.torch", rng));

        var path = Path.Combine(directory, $"epoch-{state.CompletedEpochs.ToString("D3", CultureInfo.InvariantCulture)}{Extension}");
        var writing = path;
        try
        {
            // A run killed while writing leaves its temporary file behind; this run owns the folder, so it clears them.
            foreach (var stale in Directory.GetFiles(directory, ".*" + Extension + ".*.tmp")) File.Delete(stale);
            TensorFile.Write(path, records, metadata);
            if (isBest)
            {
                writing = Path.Combine(directory, "best" + Extension);
                TensorFile.Write(writing, records, metadata);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var kept = Latest(directory);
            throw new IOException($"cannot save checkpoint {writing}: {e.Message} " +
                                  (kept is null ? "(no earlier checkpoint)" : $"(the last good checkpoint, {kept}, is intact)"), e);
        }
        foreach (var old in Directory.GetFiles(directory, "epoch-*" + Extension).OrderByDescending(p => p, StringComparer.Ordinal).Skip(keep))
            File.Delete(old);
    }

    /// <summary>Loads a checkpoint into the model, optimizer, EMA and generator; returns the run state to continue from.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is truncated, corrupted or not a ModelZoo tensor file.</exception>
    /// <exception cref="InvalidDataException">
    /// It is not a checkpoint, it was written for another architecture, class count or channel count (the message
    /// names the checkpoint's value and the model's), or its contents are malformed.
    /// </exception>
    public static RunState Restore(string path, ClassificationModel model, OptimizerHelper optimizer, WeightAverage? ema)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        var contents = TensorFile.Read(path);
        if (!contents.Metadata.TryGetValue("run_state", out var runState))
            throw new InvalidDataException($"{path}: not a ModelZoo checkpoint (no run state)");
        RequireSameModel(path, contents, model);
        Load(path, contents, "model.", state => StateDicts.Load(model, state));
        Load(path, contents, "optim.", state => OptimizerStateRecords.Load(optimizer, state));
        if (ema is not null) Load(path, contents, "ema.", ema.Load);
        var rng = contents.Tensors.FirstOrDefault(t => t.Name == "rng.torch")
                  ?? throw new InvalidDataException($"{path}: checkpoint has no generator state");
        try
        {
            GeneratorStates.Restore(rng);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return Checked(path, ModelFile.Json<RunState>(path, runState));
    }

    /// <summary>The checkpoint's architecture, class count and channel count must be the model's; messages name both values.</summary>
    private static void RequireSameModel(string path, TensorFileContents contents, ClassificationModel model)
    {
        if (contents.Metadata.TryGetValue("architecture", out var architecture) && model.Name.Length > 0 && architecture != model.Name)
            throw new InvalidDataException($"{path}: checkpoint of '{architecture}' cannot resume '{model.Name}'");
        if (!contents.Metadata.TryGetValue("model_options", out var json)) return;
        var options = ModelFile.Json<ModelOptions>(path, json);
        if (options.NumClasses != model.NumClasses)
            throw new InvalidDataException($"{path}: the checkpoint was trained for {options.NumClasses} classes but the model predicts {model.NumClasses}");
        if (options.InChannels != model.Options.InChannels)
            throw new InvalidDataException(
                $"{path}: the checkpoint was trained on {options.InChannels} input channel(s) but the model takes {model.Options.InChannels}");
    }

    private static RunState Checked(string path, RunState state)
    {
        var consistent = state.History is not null && !state.History.Contains(null!) && state.CompletedEpochs >= 0 &&
                         state.History.Count == state.CompletedEpochs && state.BestEpoch >= 0 &&
                         state.BestEpoch <= state.CompletedEpochs && state.EpochsWithoutImprovement >= 0;
        return consistent ? state : throw new InvalidDataException(
            $"{path}: the run state is inconsistent ({state.CompletedEpochs} epochs completed, {state.History?.Count.ToString(CultureInfo.InvariantCulture) ?? "no"} history records, best epoch {state.BestEpoch})");
    }

    private static void Load(string path, TensorFileContents contents, string prefix, Action<IReadOnlyDictionary<string, Tensor>> apply)
    {
        var tensors = TensorRecords.WithPrefix(contents.Tensors, prefix);
        try
        {
            apply(tensors);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        finally
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
        }
    }
}
