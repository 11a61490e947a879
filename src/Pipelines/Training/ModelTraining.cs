using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;
using TorchSharp;

namespace ModelZoo.Pipelines.Training;

/// <summary>Creates an architecture sized for a data set and trains it: the one recipe the CLI, comparisons and the API share.</summary>
public static class ModelTraining
{
    /// <summary>Model options for <paramref name="train"/> at the preprocessing's size and channels.</summary>
    public static ModelOptions OptionsFor(IImageDataset train, Preprocessing preprocessing, double? widthMultiplier = null) =>
        OptionsFor(train.ClassNames.Count, preprocessing, widthMultiplier);

    /// <summary>
    /// Seeds libtorch with the trainer's seed (so weights are reproducible), creates <paramref name="architecture"/>
    /// and trains it with <paramref name="trainer"/>, validating on <paramref name="validation"/>. The caller owns the model.
    /// </summary>
    public static (ClassificationModel model, TrainingResult result) CreateAndTrain(string architecture, Trainer trainer,
        IImageDataset train, IImageDataset? validation, Preprocessing preprocessing, string? resumeFrom = null,
        double? widthMultiplier = null, CancellationToken cancellation = default, string? initialWeights = null) =>
        CreateAndTrain(architecture, trainer, OptionsFor(train, preprocessing, widthMultiplier), resumeFrom, initialWeights,
            model => trainer.Fit(model, train, validation, preprocessing, resumeFrom, cancellation));

    /// <summary>As the overload for a data set, for a training set read as a stream (<see cref="IExampleStream"/>).</summary>
    public static (ClassificationModel model, TrainingResult result) CreateAndTrain(string architecture, Trainer trainer,
        IExampleStream train, IImageDataset? validation, Preprocessing preprocessing, string? resumeFrom = null,
        double? widthMultiplier = null, CancellationToken cancellation = default, string? initialWeights = null) =>
        CreateAndTrain(architecture, trainer, OptionsFor(train.ClassNames.Count, preprocessing, widthMultiplier), resumeFrom, initialWeights,
            model => trainer.Fit(model, train, validation, preprocessing, resumeFrom, cancellation));

    private static ModelOptions OptionsFor(int classCount, Preprocessing preprocessing, double? widthMultiplier) => new()
    {
        NumClasses = classCount,
        InChannels = preprocessing.Channels,
        InputSize = preprocessing.InputSize,
        WidthMultiplier = widthMultiplier,
    };

    private static (ClassificationModel model, TrainingResult result) CreateAndTrain(string architecture, Trainer trainer,
        ModelOptions modelOptions, string? resumeFrom, string? initialWeights, Func<ClassificationModel, TrainingResult> fit)
    {
        torch.random.manual_seed(trainer.Options.Seed);
        var model = ModelRegistry.Default.Create(architecture, modelOptions);
        try
        {
            // A resumed run restores its own weights; initial weights only start a new one.
            if (initialWeights is not null && resumeFrom is null) InitialWeights.Load(model, initialWeights);
            return (model, fit(model));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
