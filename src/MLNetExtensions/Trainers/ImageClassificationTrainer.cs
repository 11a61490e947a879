using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.MLNetExtensions.Trainers;

/// <summary>
/// Trains one of the zoo's architectures on image data, as ML.NET's <c>ImageClassificationTrainer</c>; made by
/// <c>ctx.Transforms.ShuffleNet(...)</c>, <c>SqueezeNet(...)</c>, <c>MobileNet(...)</c> or <c>SENet(...)</c>.
/// The image steps before it in a pipeline decide the input size, normalisation and augmentation.
/// </summary>
public sealed class ImageClassificationTrainer : IEstimator<ImageClassificationTransformer>
{
    private readonly ImageDataView? validation;
    private readonly Action<EpochRecord>? callback;
    private readonly IProgress<EpochRecord>? progress;
    private readonly double? widthMultiplier;

    /// <summary>Checks <paramref name="options"/> now, so a bad value fails where the pipeline is written.</summary>
    internal ImageClassificationTrainer(ModelZooContext context, ClassifierTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Architecture = options.ArchitectureName();
        widthMultiplier = options.WidthMultiplier();
        validation = options.ValidationSet is null ? null : ImageDataView.Require(options.ValidationSet, nameof(options.ValidationSet));
        callback = options.ProgressCallback;
        progress = options.Progress;
        var device = options.Device ?? context.Device;
        ModelZooContext.ResolveDevice(device);
        TrainerOptions = new TrainerOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Optimizer = options.Optimizer,
            LearningRate = options.LearningRate,
            WeightDecay = options.WeightDecay,
            Schedule = options.Schedule,
            WarmupEpochs = options.WarmupEpochs,
            LabelSmoothing = options.LabelSmoothing,
            EarlyStopping = options.EarlyStopping,
            CheckpointDirectory = options.CheckpointDirectory,
            Device = device,
            Seed = options.Seed ?? context.Seed,
            Augmentation = Pipelines.Transforms.Augmentation.None,
        }.Validate();
        if (TrainerOptions.EarlyStopping is not null && validation is null)
            throw new ArgumentException("early stopping needs a validation set (ValidationSet)");
    }

    /// <summary>The registry name of the architecture trained, e.g. <c>mobilenet_v3_small</c>.</summary>
    public string Architecture { get; }

    /// <summary>The training settings (augmentation comes from the data when fitting).</summary>
    public TrainerOptions TrainerOptions { get; }

    /// <summary>
    /// Builds the architecture for the data's classes, channels and input size (seeded with the options' seed), trains
    /// it with the data's augmentation and returns the trained classifier, which the caller disposes.
    /// </summary>
    /// <exception cref="ArgumentException">The data is empty, or the validation set has other classes.</exception>
    public ImageClassificationTransformer Fit(IDataView input)
    {
        var data = ImageDataView.Require(input, nameof(input));
        if (data.Count == 0) throw new ArgumentException("the training data is empty", nameof(input));
        if (validation is not null && !validation.ClassNames.SequenceEqual(data.ClassNames))
            throw new ArgumentException(
                $"the validation set's classes ({string.Join(", ", validation.ClassNames)}) differ from the training data's ({string.Join(", ", data.ClassNames)})");
        var preprocessing = data.ToPreprocessing();
        var options = TrainerOptions with { Augmentation = data.Augmentation };
        var device = ModelZooContext.ResolveDevice(options.Device);

        var trainer = new Trainer(options);
        trainer.EpochCompleted += record =>
        {
            callback?.Invoke(record);
            progress?.Report(record);
        };
        var (model, result) = ModelTraining.CreateAndTrain(Architecture, trainer, data.Dataset, validation?.Dataset, preprocessing,
            widthMultiplier: widthMultiplier);
        return new ImageClassificationTransformer(new TrainedModel(model, data.ClassNames, preprocessing), device, result.History);
    }
}
