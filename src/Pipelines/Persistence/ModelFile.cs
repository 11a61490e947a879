using System.Text.Json;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions.Serialization;
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
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is truncated, corrupted or not a ModelZoo tensor file.</exception>
    /// <exception cref="InvalidDataException">
    /// Its metadata is missing, malformed or inconsistent (an unknown architecture, options or preprocessing that
    /// make no sense, a class or channel count that disagrees), or its tensors do not fit the architecture.
    /// Every message starts with the file's name.
    /// </exception>
    public static TrainedModel Load(string path, ModelRegistry? registry = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file not found: {path}", path);
        var contents = TensorFile.Read(path);
        return Rebuild(path, contents, registry ?? ModelRegistry.Default);
    }

    /// <summary>Rebuilds the model described by <paramref name="contents"/>; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="InvalidDataException">As for <see cref="Load"/>.</exception>
    public static TrainedModel Rebuild(string path, TensorFileContents contents, ModelRegistry registry)
    {
        var (architecture, options, classes, preprocessing) = ReadDescription(path, contents, registry);
        // Options size the network before any stored tensor is compared with it; a classifier needs at
        // least one stored weight per class, so a few bytes of class names cannot ask for gigabytes.
        var storedWeights = contents.Tensors.Where(t => t.Name.StartsWith("model.", StringComparison.Ordinal))
            .Sum(t => t.Data.LongLength / t.DType.StoredElementSize());
        if (options.NumClasses > storedWeights)
            throw new InvalidDataException($"{path}: {options.NumClasses} classes, but the file stores only {storedWeights} model weights");
        var model = registry.Create(architecture, options);
        try
        {
            var state = TensorRecords.WithPrefix(contents.Tensors, "model.");
            try
            {
                StateDicts.Load(model, state);
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

    /// <summary>
    /// The architecture, options, class names and preprocessing a model file or checkpoint describes, each
    /// checked on its own and against the others.
    /// </summary>
    /// <exception cref="InvalidDataException">An entry is missing, malformed or inconsistent; the message names the file.</exception>
    private static (string Architecture, ModelOptions Options, IReadOnlyList<string> ClassNames, Preprocessing Preprocessing) ReadDescription(
        string path, TensorFileContents contents, ModelRegistry registry)
    {
        string Field(string key) => contents.Metadata.TryGetValue(key, out var value)
            ? value : throw new InvalidDataException($"{path}: not a ModelZoo model file (no '{key}' entry)");
        var architecture = Field("architecture");
        if (!registry.Contains(architecture))
            throw new InvalidDataException($"{path}: architecture '{architecture}' is not in the zoo; closest: {string.Join(", ", registry.Suggest(architecture))}");
        var options = Checked(path, Json<ModelOptions>(path, Field("model_options")), o => o.Validate());
        var classes = Json<List<string>>(path, Field("class_names"));
        if (classes.Contains(null!))
            throw new InvalidDataException($"{path}: a class name is null");
        var preprocessing = Checked(path, Json<Preprocessing>(path, Field("preprocessing")), p => p.Validate());
        if (classes.Count != options.NumClasses)
            throw new InvalidDataException($"{path}: {classes.Count} class names but the model has {options.NumClasses} classes");
        if (options.InChannels != preprocessing.Channels)
            throw new InvalidDataException(
                $"{path}: the model takes {options.InChannels} input channel(s) but its preprocessing gives {preprocessing.Channels}");
        return (architecture, options, classes, preprocessing);
    }

    private static T Checked<T>(string path, T value, Func<T, T> validate)
    {
        try
        {
            return validate(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Deserialises one metadata entry.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or null; the message names <paramref name="path"/>.</exception>
    internal static T Json<T>(string path, string text)
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
