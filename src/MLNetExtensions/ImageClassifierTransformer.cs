using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Scoring;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;

// Model.Load finds the class by the loader signature in the saved header; the header also names this assembly,
// so ML.NET loads and registers it itself, without a RegisterAssembly call.
[assembly: LoadableClass(typeof(ImageClassifierTransformer), null, typeof(SignatureLoadModel),
    ImageClassifierTransformer.UserName, ImageClassifierTransformer.LoaderSignature)]
[assembly: LoadableClass(typeof(IRowMapper), typeof(ImageClassifierTransformer), null, typeof(SignatureLoadRowMapper),
    ImageClassifierTransformer.UserName, ImageClassifierTransformer.LoaderSignature)]

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// A trained zoo classifier as an ML.NET transformer: adds <c>Score</c> (softmax probabilities, one per class, with
/// the class names as slot names) and <c>PredictedLabel</c> (a key carrying the training label's values), so
/// <c>MulticlassClassification.Evaluate</c>, <c>MapKeyToValue("PredictedLabel")</c>, <c>Model.Save/Load</c> and
/// PredictionEngine work as with ML.NET's own trainers. Dispose it to free the network's tensors.
/// </summary>
public sealed class ImageClassifierTransformer : RowToRowTransformerBase, ITransformer, IDisposable
{
    internal const string UserName = "ModelZoo Image Classifier";
    // Never change: saved models name their loader by it.
    internal const string LoaderSignature = "ModelZooImageClassifier";

    /// <summary>Images per forward pass in <see cref="Transform"/> unless <see cref="TransformBatchSize"/> says otherwise.</summary>
    public const int DefaultTransformBatchSize = 64;

    private readonly TrainedModel trained;
    private readonly TorchSharp.torch.Device device;
    // Row mappers of parallel cursors and prediction engines on several threads share the one prepared model.
    private readonly Lock scoring = new();
    private BatchScorer? scorer;
    private int transformBatchSize = DefaultTransformBatchSize;

    internal ImageClassifierTransformer(IHostEnvironment env, TrainedModel trained, ImageInput input, LabelKeyValues? keyValues,
        string featureColumnName, string scoreColumnName, string predictedLabelColumnName, string device)
        : base(Contracts.CheckRef(env, nameof(env)).Register(nameof(ImageClassifierTransformer)))
    {
        this.trained = trained;
        Input = input;
        KeyValues = keyValues;
        FeatureColumnName = featureColumnName;
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
        this.device = DevicePolicy.Resolve(device);
    }

    /// <summary>The registry name of the architecture, e.g. <c>mobilenet_v1_x0_25</c>.</summary>
    public string Architecture => trained.Model.Name;

    /// <summary>The class names, in the order of the Score slots (the label's key values as text).</summary>
    public IReadOnlyList<string> ClassNames => trained.ClassNames;

    /// <summary>The column images are read from.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The probabilities column written.</summary>
    public string ScoreColumnName { get; }

    /// <summary>The predicted key column written.</summary>
    public string PredictedLabelColumnName { get; }

    /// <summary>The trained network (a TorchSharp module; the transformer owns it).</summary>
    public ClassificationModel Model => trained.Model;

    /// <summary>How images become the network's input (size, channels, mean and std), as in training.</summary>
    public Preprocessing Preprocessing => trained.Preprocessing;

    /// <summary>One record per epoch of the Fit that made this classifier (losses, accuracies, validation metrics); empty once loaded from a file.</summary>
    public IReadOnlyList<EpochRecord> TrainingHistory { get; internal init; } = [];

    internal ImageInput Input { get; }

    internal LabelKeyValues? KeyValues { get; }

    /// <summary>Images per forward pass when <see cref="Transform"/>'s view is read (PredictionEngine scores one at a time).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int TransformBatchSize
    {
        get => transformBatchSize;
        set => transformBatchSize = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the transform batch size must be at least 1");
    }

    /// <summary>
    /// The input's rows with <c>Score</c> and <c>PredictedLabel</c> added, scored lazily, <see cref="TransformBatchSize"/>
    /// images per forward pass (<see cref="BatchScoredDataView"/>), with the values the row-by-row path gives.
    /// </summary>
    /// <exception cref="ArgumentException">The feature column is missing or of another type than the model was trained on.</exception>
    public new IDataView Transform(IDataView input)
    {
        Host.CheckValue(input, nameof(input));
        return new BatchScoredDataView(this, Host, input, TransformBatchSize);
    }

    /// <summary>Softmax probabilities of decoded images, [images, classes] row-major, with the preprocessing training used.</summary>
    internal float[] Score(IReadOnlyList<Image> images)
    {
        lock (scoring) return Scorer().Score(images);
    }

    /// <summary>
    /// Whether rows hold pixel vectors at exactly the model's input size and channels, so a batch goes to the network
    /// without being decoded to images and resampled (<see cref="ScorePixels"/>).
    /// </summary>
    internal bool TakesPixelsAsTheyAre => Input.Kind == ImageInputKind.Pixels && Input.Channels == trained.Preprocessing.Channels
        && Input.Height == trained.Preprocessing.InputSize && Input.Width == trained.Preprocessing.InputSize;

    /// <summary>Softmax probabilities of the first <paramref name="count"/> pixel vectors in <paramref name="pixels"/> (when <see cref="TakesPixelsAsTheyAre"/>).</summary>
    internal float[] ScorePixels(float[] pixels, int count)
    {
        lock (scoring) return Scorer().Score(pixels, count);
    }

    // Prepared on first use, under the lock: a transformer that is only saved never pays for the folded copy.
    private BatchScorer Scorer() => scorer ??= new BatchScorer(trained.Model, trained.Preprocessing, device);

    public override IRowMapper MakeRowMapper(DataViewSchema schema) => new ImageClassifierMapper(this, Host, schema);

    /// <summary>Frees the network and its prepared inference copy.</summary>
    public void Dispose()
    {
        lock (scoring) scorer?.Dispose();
        trained.Dispose();
    }

    private static VersionInfo GetVersionInfo() => new(
        modelSignature: "MZIMGCLS",
        verWrittenCur: 0x00010001, // first layout
        verReadableCur: 0x00010001,
        verWeCanReadBack: 0x00010001,
        loaderSignature: LoaderSignature,
        loaderAssemblyName: typeof(ImageClassifierTransformer).Assembly.FullName);

    /// <summary>
    /// Writes the classifier into its folder of the model zip. The main stream ("Model.key") holds, in order:
    /// the feature, score and predicted-label column names; the input kind and, for pixel vectors, height, width and
    /// channels; ModelZoo's model description (architecture, ModelOptions JSON, class names JSON, preprocessing JSON,
    /// as in .mzmodel files) as a count and key/value pairs; whether key values follow, then the label's key values
    /// in ML.NET's binary type-and-value format. The "Weights" entry holds the network's tensors (<see cref="WeightsEntry"/>).
    /// </summary>
    public override void SaveModel(ModelSaveContext ctx)
    {
        Host.CheckValue(ctx, nameof(ctx));
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());
        ctx.SaveNonEmptyString(FeatureColumnName);
        ctx.SaveNonEmptyString(ScoreColumnName);
        ctx.SaveNonEmptyString(PredictedLabelColumnName);
        ctx.Writer.Write((int)Input.Kind);
        ctx.Writer.Write(Input.Height);
        ctx.Writer.Write(Input.Width);
        ctx.Writer.Write(Input.Channels);
        var description = ModelFile.Describe(trained);
        ctx.Writer.Write(description.Count);
        foreach (var (key, value) in description)
        {
            ctx.Writer.Write(key);
            ctx.Writer.Write(value);
        }
        ctx.Writer.Write(KeyValues is not null);
        KeyValues?.Save(Host, ctx.Writer.BaseStream);
        ctx.SaveBinaryStream(WeightsEntry.Name, writer => WeightsEntry.Write(trained.Model, writer));
    }

    /// <summary>Model.Load's entry point (SignatureLoadModel): reads what <see cref="SaveModel"/> wrote.</summary>
    private static ImageClassifierTransformer Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        Contracts.CheckValue(env, nameof(env));
        env.CheckValue(ctx, nameof(ctx));
        ctx.CheckAtModel(GetVersionInfo());
        try
        {
            var feature = ctx.LoadNonEmptyString();
            var score = ctx.LoadNonEmptyString();
            var predicted = ctx.LoadNonEmptyString();
            var kind = (ImageInputKind)ctx.Reader.ReadInt32();
            if (!Enum.IsDefined(kind)) throw new InvalidDataException($"unknown input kind {(int)kind}");
            var input = new ImageInput(kind, ctx.Reader.ReadInt32(), ctx.Reader.ReadInt32(), ctx.Reader.ReadInt32());
            var count = ctx.Reader.ReadInt32();
            if (count is < 0 or > 64) throw new InvalidDataException($"{count} description entries");
            var description = new Dictionary<string, string>();
            for (var i = 0; i < count; i++) description[ctx.Reader.ReadString()] = ctx.Reader.ReadString();
            var keyValues = ctx.Reader.ReadBoolean() ? LabelKeyValues.Load(env, ctx.Reader.BaseStream) : null;

            List<StoredTensor>? weights = null;
            if (!ctx.TryLoadBinaryStream(WeightsEntry.Name, reader => weights = WeightsEntry.Read(reader, reader.BaseStream.Length)))
                throw new InvalidDataException($"the '{WeightsEntry.Name}' entry is missing");
            var trained = ModelFile.Rebuild(WeightsEntry.Name, new TensorFileContents(weights!, description), ModelRegistry.Default);
            if (keyValues is not null && keyValues.Names.Count != trained.ClassNames.Count)
                throw new InvalidDataException($"{keyValues.Names.Count} label values for {trained.ClassNames.Count} classes");
            return new ImageClassifierTransformer(env, trained, input, keyValues, feature, score, predicted, DeviceChoice.For(env, null));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ModelFileException or ArgumentException)
        {
            throw new InvalidDataException($"the model's ModelZoo image classifier cannot be loaded, it is damaged: {e.Message}", e);
        }
    }

    /// <summary>The row mapper alone (SignatureLoadRowMapper), for ML.NET's scoring wrappers.</summary>
    private static IRowMapper Create(IHostEnvironment env, ModelLoadContext ctx, DataViewSchema inputSchema) =>
        Create(env, ctx).MakeRowMapper(inputSchema);
}
