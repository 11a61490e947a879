using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Trains one of the zoo's architectures on image rows of an IDataView with ModelZoo's training engine; made by
/// <c>mlContext.MulticlassClassification.Trainers.ImageClassifier(...)</c>, <c>MobileNet(...)</c>, <c>ShuffleNet(...)</c>,
/// <c>SqueezeNet(...)</c> or <c>SENet(...)</c>. The label must be a key column (e.g. from MapValueToKey): its key count is
/// the class count and its key values the class names. The feature column holds encoded image bytes, ML.NET images
/// (MLImage) or pixel vectors (<see cref="ImageInputKind"/>).
/// </summary>
public sealed partial class ImageClassifierTrainer : IEstimator<ImageClassifierTransformer>
{
    private readonly IHost host;
    private readonly Options options;

    internal ImageClassifierTrainer(IHostEnvironment env, Options options)
    {
        host = Contracts.CheckRef(env, nameof(env)).Register(nameof(ImageClassifierTrainer));
        host.CheckValue(options, nameof(options));
        this.options = options;
        // Bad settings fail where the pipeline is written, not after the data is read.
        options.Check();
        TrainerOptions = TrainerOptionsFor(options, DeviceChoice.For(env, options.Device), options.Seed ?? ((IHostEnvironmentInternal)env).Seed ?? 1);
    }

    /// <summary>The registry name of the architecture trained, e.g. <c>shufflenet_v1_g3_x1_0</c>.</summary>
    public string Architecture => options.Architecture;

    /// <summary>The width multiplier the architecture is built with (MobileNet V2/V3); null is its own.</summary>
    public double? WidthMultiplier => options.WidthMultiplier;

    /// <summary>The engine settings the options come to.</summary>
    public TrainerOptions TrainerOptions { get; }

    /// <summary>The output schema: the input's columns plus Score and PredictedLabel.</summary>
    /// <exception cref="ArgumentException">The label is missing or not a key, or the feature column is missing or of another type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (!inputSchema.TryFindColumn(options.LabelColumnName, out var label))
            throw new ArgumentException($"the input has no label column '{options.LabelColumnName}'");
        if (!label.IsKey || label.Kind != SchemaShape.Column.VectorKind.Scalar)
            throw new ArgumentException(
                $"label column '{label.Name}' has type {label.GetTypeString()}; the image classifier needs a key (MapValueToKey(\"{label.Name}\") makes one)");
        if (!inputSchema.TryFindColumn(options.FeatureColumnName, out var feature))
            throw new ArgumentException($"the input has no feature column '{options.FeatureColumnName}'");
        ImageInput.CheckShape(feature);

        var columns = inputSchema.ToDictionary(c => c.Name);
        columns[options.ScoreColumnName] = new SchemaShape.Column(options.ScoreColumnName, SchemaShape.Column.VectorKind.Vector,
            NumberDataViewType.Single, false, new SchemaShape(AnnotationUtils.AnnotationsForMulticlassScoreColumn(label)));
        var keyValues = label.Annotations.TryFindColumn(AnnotationUtils.Kinds.KeyValues, out var values) ? [values] : Array.Empty<SchemaShape.Column>();
        columns[options.PredictedLabelColumnName] = new SchemaShape.Column(options.PredictedLabelColumnName, SchemaShape.Column.VectorKind.Scalar,
            NumberDataViewType.UInt32, true, new SchemaShape(keyValues));
        return new SchemaShape(columns.Values);
    }

    /// <summary>
    /// Builds the architecture for the label's class count and the images' size and channels, trains it on the rows with
    /// a known label (key 0, "missing", is skipped) — validating after every epoch when the options give a validation set
    /// or fraction, resuming or starting from the weights they name — and returns the classifier, which the caller
    /// disposes. The training rows are read through cursors every epoch (<see cref="DataViewExampleStream"/>), never all
    /// held at once; validation rows are held in memory. Every epoch is reported to the MLContext's log and the options' callbacks.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of a type the trainer does not take, no row has a label,
    /// pixel values all lie in 0..1 (the trainer expects 0..255), or the validation set does not match the training data.</exception>
    /// <exception cref="OperationCanceledException">The options' CancellationToken, or the MLContext, was cancelled.</exception>
    /// <exception cref="FileNotFoundException">Resume is "latest" and the checkpoint directory holds no checkpoint.</exception>
    public ImageClassifierTransformer Fit(IDataView input)
    {
        host.CheckValue(input, nameof(input));
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var labelColumn = input.Schema[options.LabelColumnName];
        var featureColumn = input.Schema[options.FeatureColumnName];
        var classCount = checked((int)((KeyDataViewType)labelColumn.Type).Count);
        if (labelColumn.Type.RawType != typeof(uint))
            throw new ArgumentException($"label column '{labelColumn.Name}' is a key of {labelColumn.Type.RawType.Name}; the image classifier takes UInt32 keys (MapValueToKey's)");
        var keyValues = LabelKeyValues.FromColumn(labelColumn, classCount);
        var classNames = keyValues?.Names ?? Enumerable.Range(0, classCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var imageInput = ImageInput.FromColumn(featureColumn, options.ImageHeight, options.ImageWidth, options.ImageChannels);

        using var channel = host.Start("Training");
        // Before the rows are read: a missing checkpoint should not cost a pass over the data.
        var resumeFrom = options.Resume == Options.ResumeLatest
            ? CheckpointStore.Latest(options.CheckpointDirectory!)
              ?? throw new FileNotFoundException($"Resume = \"{Options.ResumeLatest}\": CheckpointDirectory '{options.CheckpointDirectory}' holds no checkpoint")
            : options.Resume;
        if (resumeFrom is not null) channel.Info($"resuming from {resumeFrom}");
        var data = DataViewExampleStream.Open(host, input, options, imageInput, classNames, channel, "the training data");
        var (train, validation) = SplitForValidation(data, labelColumn, keyValues, imageInput, classNames, channel);
        var preprocessing = PreprocessingFor(imageInput, train).Validate();
        channel.Info($"training {options.Architecture} on {train.Count} images of {classCount} classes at {preprocessing.InputSize} px, {preprocessing.Channels} channel(s), device {TrainerOptions.Device}");
        channel.Info($"recipe: {TrainerOptions.DescribeRecipe()}");

        var trainer = new Trainer(TrainerOptions);
        // ML.NET cancels through the host (MLContext.CancelExecution); the options' token reaches the engine itself.
        trainer.StepCompleted += step =>
        {
            host.CheckAlive();
            options.StepCallback?.Invoke(step);
        };
        trainer.EpochCompleted += epoch =>
        {
            channel.Info(EpochLine(epoch));
            options.ProgressCallback?.Invoke(epoch);
            options.Progress?.Report(epoch);
        };
        var (model, result) = ModelTraining.CreateAndTrain(options.Architecture, trainer, train, validation, preprocessing, resumeFrom,
            options.WidthMultiplier, options.CancellationToken, options.InitialWeights);
        options.Completed?.Invoke(result);
        if (result.StoppedEarly) channel.Info($"early stopping after epoch {result.History[^1].Epoch}; the best was epoch {result.BestEpoch}");
        return new ImageClassifierTransformer(host, new TrainedModel(model, classNames, preprocessing), imageInput, keyValues,
            options.FeatureColumnName, options.ScoreColumnName, options.PredictedLabelColumnName, TrainerOptions.Device)
        {
            TrainingHistory = result.History,
        };
    }

    private string EpochLine(EpochRecord epoch) =>
        $"epoch {epoch.Epoch}/{TrainerOptions.Epochs}: loss {epoch.TrainLoss:F4}, accuracy {epoch.TrainAccuracy:P1}" +
        (epoch.ValidationAccuracy is { } accuracy ? $", validation loss {epoch.ValidationLoss:F4}, accuracy {accuracy:P1}" : "") +
        $", {epoch.Seconds:F1} s";

    /// <summary>The model input: the options' size, else the pixel vectors' side or the first image's; ModelZoo's default normalisation.</summary>
    private Preprocessing PreprocessingFor(ImageInput input, IExampleStream data)
    {
        var defaults = new Preprocessing();
        return new Preprocessing
        {
            InputSize = options.InputSize ?? (data.FixedSize is var (height, width) ? Math.Max(height, width) : FirstImageSide(data)),
            Channels = input.Channels,
            Mean = options.Mean ?? defaults.Mean,
            Std = options.Std ?? defaults.Std,
        };
    }

    /// <summary>The larger side of the first readable image (the first of all under <see cref="BadImagePolicy.Fail"/>).</summary>
    private int FirstImageSide(IExampleStream data)
    {
        foreach (var example in data.Read(shuffleSeed: null))
        {
            try
            {
                var image = example.Decode();
                return Math.Max(image.Height, image.Width);
            }
            catch (Exception e) when (options.BadImages == BadImagePolicy.Skip && SkippedImage.IsUnreadable(e))
            {
            }
        }
        throw new InvalidDataException($"no image in feature column '{options.FeatureColumnName}' can be read");
    }

    // Every training setting the user left null comes from the architecture family's recipe (Options.RecipeInForce).
    private static TrainerOptions TrainerOptionsFor(Options options, string device, int seed)
    {
        var recipe = options.RecipeInForce();
        return new TrainerOptions
        {
            Epochs = options.Epochs,
            BatchSize = recipe.BatchSize,
            Optimizer = recipe.Optimizer,
            LearningRate = recipe.LearningRate,
            WeightDecay = recipe.WeightDecay,
            LabelSmoothing = recipe.LabelSmoothing,
            Augmentation = recipe.Augmentation,
            Schedule = recipe.Schedule,
            WarmupEpochs = recipe.WarmupEpochs,
            EmaDecay = options.EmaDecay,
            GradientClipNorm = options.GradientClipNorm,
            EarlyStopping = options.EarlyStopping,
            CheckpointDirectory = options.CheckpointDirectory,
            KeepCheckpoints = options.KeepCheckpoints,
            BadImages = options.BadImages,
            MemoryFormat = options.MemoryFormat,
            Device = device,
            Threads = options.Threads,
            Seed = seed,
        }.Validate();
    }
}
