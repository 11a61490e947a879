using System.Text.Json;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Torch.Serialization;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Persistence;

/// <summary>A trained classifier: the network, its class names and the preprocessing it was trained with.</summary>
public sealed class TrainedModel(ClassificationModel model, IReadOnlyList<string> classNames, Preprocessing preprocessing) : IDisposable
{
    /// <summary>The network.</summary>
    public ClassificationModel Model { get; } = model;
    /// <summary>Class names, in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; } = classNames;
    /// <summary>How images become model input.</summary>
    public Preprocessing Preprocessing { get; } = preprocessing;

    /// <summary>Frees the network's tensors.</summary>
    public void Dispose() => Model.Dispose();
}

/// <summary>
/// ModelZoo's model file (<c>.mzmodel</c>): a <see cref="TensorFile"/> (versioned, checksummed, written
/// atomically) whose tensors are the model's state dict under "model." and whose metadata holds
/// kind=model, format_version, architecture, model_options (JSON), class_names (JSON) and
/// preprocessing (JSON). Loading rebuilds the architecture from the registry and checks every name
/// and shape, so a file of another architecture is a clear error.
/// </summary>
public static class ModelFile
{
    /// <summary>Current version of the metadata layout.</summary>
    public const int Version = 1;
    private const string Kind = "model";

    /// <summary>Writes <paramref name="trained"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(TrainedModel trained, string path, IReadOnlyDictionary<string, string>? extraMetadata = null)
    {
        var metadata = Describe(trained);
        foreach (var (key, value) in extraMetadata ?? new Dictionary<string, string>()) metadata[key] = value;
        TensorFile.Write(path, trained.Model.state_dict().Select(p => TensorRecords.ToRecord("model." + p.Key, p.Value)), metadata);
    }

    /// <summary>The metadata that describes a trained model (shared with checkpoints).</summary>
    public static Dictionary<string, string> Describe(TrainedModel trained) => new()
    {
        ["kind"] = Kind,
        ["format_version"] = Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["architecture"] = trained.Model.Name,
        ["model_options"] = JsonSerializer.Serialize(trained.Model.Options),
        ["class_names"] = JsonSerializer.Serialize(trained.ClassNames),
        ["preprocessing"] = JsonSerializer.Serialize(trained.Preprocessing),
    };

    /// <summary>Reads a model file (or a checkpoint) and rebuilds the trained model.</summary>
    public static TrainedModel Load(string path, ModelRegistry? registry = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file not found: {path}", path);
        var contents = TensorFile.Read(path);
        return Rebuild(path, contents, registry ?? ModelRegistry.Default);
    }

    /// <summary>Rebuilds the model described by <paramref name="contents"/>; <paramref name="path"/> names the file in errors.</summary>
    public static TrainedModel Rebuild(string path, TensorFileContents contents, ModelRegistry registry)
    {
        string Field(string key) => contents.Metadata.TryGetValue(key, out var value)
            ? value : throw new InvalidDataException($"{path}: not a ModelZoo model file (no '{key}' entry)");
        var architecture = Field("architecture");
        var options = Json<ModelOptions>(path, Field("model_options"));
        var classes = Json<List<string>>(path, Field("class_names"));
        var preprocessing = Json<Preprocessing>(path, Field("preprocessing")).Validate();
        if (classes.Count != options.NumClasses)
            throw new InvalidDataException($"{path}: {classes.Count} class names but the model has {options.NumClasses} classes");
        var model = registry.Create(architecture, options);
        try
        {
            var state = TensorRecords.WithPrefix(contents.Tensors, "model.");
            try
            {
                model.load_state_dict(state);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
            finally
            {
                foreach (var tensor in state.Values) tensor.Dispose();
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return new TrainedModel(model, classes, preprocessing);
    }

    private static T Json<T>(string path, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text) ?? throw new InvalidDataException($"{path}: empty {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: malformed {typeof(T).Name} ({e.Message})", e);
        }
    }
}
