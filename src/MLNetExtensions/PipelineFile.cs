// A saved pipeline is one ModelZoo model file (.mzmodel, see Pipelines/Persistence/ModelFile.cs), itself a
// TensorFile (versioned, CRC-checked, written atomically; layout in TorchSharpAdditions/Serialization/TensorFile.cs):
//
//   tensors   "model.<state-dict key>"      the network's weights and batch-norm statistics
//   metadata  kind = "model", format_version  ModelFile's own entries: architecture, model_options (JSON),
//             class_names (JSON), preprocessing (JSON: input size, channels, mean, std, crop fraction)
//             mlnet.format_version = "1"      this file's version of the entries below
//             mlnet.pipeline                  JSON array of the image steps before the classifier, in order, each
//                                             an object named by "op": {"op":"resize","Size":32},
//                                             {"op":"normalize","Mean":[...],"Std":[...]}, {"op":"random_crop",
//                                             "Padding":4}, {"op":"random_horizontal_flip"}, {"op":"random_vertical_flip"},
//                                             {"op":"random_erasing","Probability":0.25}
//
// A model file without the mlnet entries (written by the CLI or ModelFile.Save) loads as a pipeline of just the
// classifier. A reader refuses an mlnet.format_version it does not know.

using System.Globalization;
using System.Text.Json;
using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.MLNetExtensions.Transforms;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.MLNetExtensions;

/// <summary>Writes and reads a trained pipeline as one model file (the layout is spelled out at the top of this source file).</summary>
internal static class PipelineFile
{
    internal const int Version = 1;
    private const string VersionKey = "mlnet.format_version";
    private const string PipelineKey = "mlnet.pipeline";

    internal static void Save(ITransformer model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (steps, classifier) = Decompose(model);
        ModelFile.Save(classifier.Trained, path, new Dictionary<string, string>
        {
            [VersionKey] = Version.ToString(CultureInfo.InvariantCulture),
            [PipelineKey] = JsonSerializer.Serialize(steps.ToArray()),
        });
    }

    internal static TransformerChain<ImageClassificationTransformer> Load(string path, Device device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file not found: {path}", path);
        var contents = TensorFile.Read(path);
        var steps = ReadSteps(path, contents.Metadata);
        var trained = ModelFile.Rebuild(path, contents, ModelRegistry.Default);
        try
        {
            trained.Model.to(device);
        }
        catch
        {
            trained.Dispose();
            throw;
        }
        return new TransformerChain<ImageClassificationTransformer>(
            [.. steps.Select(step => new ImageTransformer(step)), new ImageClassificationTransformer(trained, device, [])]);
    }

    /// <summary>The image steps and the classifier of a fitted pipeline (nested chains flattened), or why it cannot be saved.</summary>
    internal static (IReadOnlyList<ImageOperation> Steps, ImageClassificationTransformer Classifier) Decompose(ITransformer model)
    {
        var flat = Flatten(model).ToList();
        if (flat is not [.., ImageClassificationTransformer classifier])
            throw new ArgumentException("the model must end with a trained classifier (ctx.Transforms.MobileNet(...) and the like)", nameof(model));
        var steps = new List<ImageOperation>();
        foreach (var transformer in flat.Take(flat.Count - 1))
        {
            steps.Add(transformer is ImageTransformer image
                ? image.Operation
                : throw new ArgumentException($"a {transformer.GetType().Name} cannot come before the classifier in a saved model", nameof(model)));
        }
        return (steps, classifier);
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

    private static ImageOperation[] ReadSteps(string path, IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(VersionKey, out var version)) return [];
        if (version != Version.ToString(CultureInfo.InvariantCulture))
            throw new InvalidDataException($"{path}: pipeline format version {version} is not supported (this build reads {Version})");
        try
        {
            return JsonSerializer.Deserialize<ImageOperation[]>(metadata.GetValueOrDefault(PipelineKey, "[]"))
                   ?? throw new InvalidDataException($"{path}: empty pipeline description");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: malformed pipeline description ({e.Message})", e);
        }
    }
}
