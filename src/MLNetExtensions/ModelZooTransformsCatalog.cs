using ModelZoo.MLNetExtensions;
using ModelZoo.Zoo;
using static Microsoft.ML.ModelZooCatalog;

namespace Microsoft.ML;

/// <summary>
/// The zoo's image classifiers also on <c>mlContext.Transforms</c>, the spelling ModelZoo's users were promised:
/// the very estimators of <see cref="ModelZooCatalog"/>, with the same arguments and defaults.
/// </summary>
public static class ModelZooTransformsCatalog
{
    /// <inheritdoc cref="ModelZooCatalog.MobileNet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, IDataView?, int, string?, double, int, int?, double?)"/>
    public static ImageClassifierTrainer MobileNet(this TransformsCatalog catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int version = 2, string? variant = null,
        double width = 1.0, int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.MobileNet(version, variant, width), ArchitectureNames.MobileNetWidthMultiplier(version, width),
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <inheritdoc cref="ModelZooCatalog.MobileNet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, ImageClassifierTrainer.Options, int, string?, double)"/>
    public static ImageClassifierTrainer MobileNet(this TransformsCatalog catalog, ImageClassifierTrainer.Options options,
        int version = 2, string? variant = null, double width = 1.0) => Create(catalog, MobileNetOptions(options, version, variant, width));

    /// <inheritdoc cref="ModelZooCatalog.ShuffleNet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, IDataView?, int, double, int, int?, double?)"/>
    public static ImageClassifierTrainer ShuffleNet(this TransformsCatalog catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int groups = 3, double width = 1.0,
        int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.ShuffleNet(groups, width), null,
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <inheritdoc cref="ModelZooCatalog.ShuffleNet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, ImageClassifierTrainer.Options, int, double)"/>
    public static ImageClassifierTrainer ShuffleNet(this TransformsCatalog catalog, ImageClassifierTrainer.Options options,
        int groups = 3, double width = 1.0) => Create(catalog, FamilyOptions(options, ArchitectureNames.ShuffleNet(groups, width), null));

    /// <inheritdoc cref="ModelZooCatalog.SqueezeNet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, IDataView?, string, int, int?, double?)"/>
    public static ImageClassifierTrainer SqueezeNet(this TransformsCatalog catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, string version = "1_1",
        int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.SqueezeNet(version), null,
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <inheritdoc cref="ModelZooCatalog.SqueezeNet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, ImageClassifierTrainer.Options, string)"/>
    public static ImageClassifierTrainer SqueezeNet(this TransformsCatalog catalog, ImageClassifierTrainer.Options options, string version = "1_1") =>
        Create(catalog, FamilyOptions(options, ArchitectureNames.SqueezeNet(version), null));

    /// <inheritdoc cref="ModelZooCatalog.SENet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, IDataView?, int, int, int?, double?)"/>
    public static ImageClassifierTrainer SENet(this TransformsCatalog catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int depth = 18,
        int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.SENet(depth), null,
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <inheritdoc cref="ModelZooCatalog.SENet(MulticlassClassificationCatalog.MulticlassClassificationTrainers, ImageClassifierTrainer.Options, int)"/>
    public static ImageClassifierTrainer SENet(this TransformsCatalog catalog, ImageClassifierTrainer.Options options, int depth = 18) =>
        Create(catalog, FamilyOptions(options, ArchitectureNames.SENet(depth), null));
}
