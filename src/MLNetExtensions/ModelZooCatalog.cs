using Microsoft.ML.Data;
using ModelZoo.MLNetExtensions;
using ModelZoo.Zoo;

namespace Microsoft.ML;

/// <summary>
/// The zoo's image classifiers on <c>mlContext.MulticlassClassification.Trainers</c>. In namespace Microsoft.ML, as
/// ML.NET's own catalog extensions, so <c>using Microsoft.ML;</c> is all a user writes. Each family has a
/// plain-argument overload, whose column parameters are named as those of ML.NET's own
/// <c>ImageClassification</c> trainer, and an overload taking <see cref="ImageClassifierTrainer.Options"/> for every
/// other setting. The same estimators are on <c>mlContext.Transforms</c> (<see cref="ModelZooTransformsCatalog"/>).
/// </summary>
public static class ModelZooCatalog
{
    /// <summary>Passes over the training data when the plain overloads are not told.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>Any registered architecture by its registry name, e.g. <c>"mobilenet_v2"</c> (<c>ModelRegistry.Default.List()</c> lists them).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="architecture">The registry name.</param>
    /// <param name="labelColumnName">The key column of class labels.</param>
    /// <param name="featureColumnName">The image column: pixel values or encoded image bytes.</param>
    /// <param name="scoreColumnName">The column the class probabilities are written to.</param>
    /// <param name="predictedLabelColumnName">The column the predicted key is written to.</param>
    /// <param name="validationSet">Rows validated on after every epoch, already through the pipeline's earlier steps; null for none.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per optimizer step; null is the architecture family's recipe (<c>TrainingRecipes</c>).</param>
    /// <param name="learningRate">Peak learning rate; null is the family's recipe.</param>
    public static ImageClassifierTrainer ImageClassifier(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string architecture, string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int epochs = DefaultEpochs,
        int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(architecture, null, labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet,
            epochs, batchSize, learningRate));

    /// <summary>A classifier with every setting given (<see cref="ImageClassifierTrainer.Options.Architecture"/> chooses the network).</summary>
    public static ImageClassifierTrainer ImageClassifier(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        ImageClassifierTrainer.Options options) => Create(catalog, options);

    /// <summary>MobileNet V1 (width 1.0, 0.75, 0.5 or 0.25), V2 or V3 (<paramref name="variant"/> "small" or "large"; V2 and V3 any positive width).</summary>
    /// <inheritdoc cref="ImageClassifier(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, string, IDataView?, int, int?, double?)"/>
    public static ImageClassifierTrainer MobileNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int version = 2, string? variant = null,
        double width = 1.0, int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.MobileNet(version, variant, width), ArchitectureNames.MobileNetWidthMultiplier(version, width),
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <summary>MobileNet with every other setting in <paramref name="options"/> (a copy is used, with the architecture these arguments choose).</summary>
    public static ImageClassifierTrainer MobileNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        ImageClassifierTrainer.Options options, int version = 2, string? variant = null, double width = 1.0) =>
        Create(catalog, MobileNetOptions(options, version, variant, width));

    /// <summary>ShuffleNetV1 with 1, 2, 3, 4 or 8 <paramref name="groups"/> and width 0.5, 1.0, 1.5 or 2.0.</summary>
    /// <inheritdoc cref="ImageClassifier(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, string, IDataView?, int, int?, double?)"/>
    public static ImageClassifierTrainer ShuffleNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int groups = 3, double width = 1.0,
        int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.ShuffleNet(groups, width), null,
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <summary>ShuffleNetV1 with every other setting in <paramref name="options"/> (a copy is used, with the architecture these arguments choose).</summary>
    public static ImageClassifierTrainer ShuffleNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        ImageClassifierTrainer.Options options, int groups = 3, double width = 1.0) =>
        Create(catalog, FamilyOptions(options, ArchitectureNames.ShuffleNet(groups, width), null));

    /// <summary>SqueezeNet <paramref name="version"/> "1_1", "1_0", "1_0_simple_bypass" or "1_0_complex_bypass".</summary>
    /// <inheritdoc cref="ImageClassifier(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, string, IDataView?, int, int?, double?)"/>
    public static ImageClassifierTrainer SqueezeNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, string version = "1_1",
        int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.SqueezeNet(version), null,
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <summary>SqueezeNet with every other setting in <paramref name="options"/> (a copy is used, with the architecture these arguments choose).</summary>
    public static ImageClassifierTrainer SqueezeNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        ImageClassifierTrainer.Options options, string version = "1_1") =>
        Create(catalog, FamilyOptions(options, ArchitectureNames.SqueezeNet(version), null));

    /// <summary>SE-ResNet of <paramref name="depth"/> 18, 34 or 50.</summary>
    /// <inheritdoc cref="ImageClassifier(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, string, string, string, IDataView?, int, int?, double?)"/>
    public static ImageClassifierTrainer SENet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", IDataView? validationSet = null, int depth = 18,
        int epochs = DefaultEpochs, int? batchSize = null, double? learningRate = null) =>
        Create(catalog, Plain(ArchitectureNames.SENet(depth), null,
            labelColumnName, featureColumnName, scoreColumnName, predictedLabelColumnName, validationSet, epochs, batchSize, learningRate));

    /// <summary>SE-ResNet with every other setting in <paramref name="options"/> (a copy is used, with the architecture these arguments choose).</summary>
    public static ImageClassifierTrainer SENet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        ImageClassifierTrainer.Options options, int depth = 18) =>
        Create(catalog, FamilyOptions(options, ArchitectureNames.SENet(depth), null));

    /// <summary>The trainer on the catalog's MLContext, which is reachable only through ML.NET's internal CatalogUtils (see IgnoresAccessChecksToAttribute.cs).</summary>
    internal static ImageClassifierTrainer Create(IInternalCatalog catalog, ImageClassifierTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ImageClassifierTrainer(CatalogUtils.GetEnvironment(catalog), options);
    }

    /// <summary>The options a plain-argument overload stands for.</summary>
    internal static ImageClassifierTrainer.Options Plain(string architecture, double? widthMultiplier, string labelColumnName, string featureColumnName,
        string scoreColumnName, string predictedLabelColumnName, IDataView? validationSet, int epochs, int? batchSize, double? learningRate) => new()
    {
        Architecture = architecture,
        WidthMultiplier = widthMultiplier,
        LabelColumnName = labelColumnName,
        FeatureColumnName = featureColumnName,
        ScoreColumnName = scoreColumnName,
        PredictedLabelColumnName = predictedLabelColumnName,
        ValidationSet = validationSet,
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = learningRate,
    };

    /// <summary>The options a MobileNet Options overload stands for.</summary>
    internal static ImageClassifierTrainer.Options MobileNetOptions(ImageClassifierTrainer.Options options, int version, string? variant, double width) =>
        FamilyOptions(options, ArchitectureNames.MobileNet(version, variant, width), ArchitectureNames.MobileNetWidthMultiplier(version, width));

    /// <summary>A copy of <paramref name="options"/> for the family's architecture.</summary>
    internal static ImageClassifierTrainer.Options FamilyOptions(ImageClassifierTrainer.Options options, string architecture, double? widthMultiplier)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WithArchitecture(architecture, widthMultiplier);
    }
}
