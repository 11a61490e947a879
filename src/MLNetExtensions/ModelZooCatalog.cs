using Microsoft.ML.Data;
using ModelZoo.MLNetExtensions;
using ModelZoo.Zoo;

namespace Microsoft.ML;

/// <summary>
/// The zoo's image classifiers on <c>mlContext.MulticlassClassification.Trainers</c>. In namespace Microsoft.ML, as
/// ML.NET's own catalog extensions, so <c>using Microsoft.ML;</c> is all a user writes.
/// </summary>
public static class ModelZooCatalog
{
    /// <summary>Any registered architecture by its registry name, e.g. <c>"mobilenet_v2"</c>.</summary>
    public static ImageClassifierTrainer ImageClassifier(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string architecture, string labelColumnName = "Label", string featureColumnName = "Features", int epochs = 10, int batchSize = 64) =>
        catalog.Family(architecture, null, labelColumnName, featureColumnName, epochs, batchSize);

    /// <summary>A classifier with every setting given.</summary>
    public static ImageClassifierTrainer ImageClassifier(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        ImageClassifierTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ModelRegistry.Default.Contains(options.Architecture))
            throw new ArgumentException($"the zoo has no architecture '{options.Architecture}'; closest: {string.Join(", ", ModelRegistry.Default.Suggest(options.Architecture))}");
        // The catalog's MLContext is reachable only through ML.NET's internal CatalogUtils (see IgnoresAccessChecksToAttribute.cs).
        return new ImageClassifierTrainer(CatalogUtils.GetEnvironment(catalog), options);
    }

    /// <summary>MobileNet V1 (width 1.0, 0.75, 0.5 or 0.25), V2 or V3 ("small" or "large"; any positive width).</summary>
    public static ImageClassifierTrainer MobileNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        int version = 2, string? variant = null, double width = 1.0, string labelColumnName = "Label", string featureColumnName = "Features",
        int epochs = 10, int batchSize = 64) =>
        catalog.Family(ArchitectureNames.MobileNet(version, variant, width), ArchitectureNames.MobileNetWidthMultiplier(version, width),
            labelColumnName, featureColumnName, epochs, batchSize);

    /// <summary>ShuffleNetV1 with 1, 2, 3, 4 or 8 groups and width 0.5, 1.0, 1.5 or 2.0.</summary>
    public static ImageClassifierTrainer ShuffleNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        int groups = 3, double width = 1.0, string labelColumnName = "Label", string featureColumnName = "Features", int epochs = 10, int batchSize = 64) =>
        catalog.Family(ArchitectureNames.ShuffleNet(groups, width), null, labelColumnName, featureColumnName, epochs, batchSize);

    /// <summary>SqueezeNet "1_1", "1_0", "1_0_simple_bypass" or "1_0_complex_bypass".</summary>
    public static ImageClassifierTrainer SqueezeNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string version = "1_1", string labelColumnName = "Label", string featureColumnName = "Features", int epochs = 10, int batchSize = 64) =>
        catalog.Family(ArchitectureNames.SqueezeNet(version), null, labelColumnName, featureColumnName, epochs, batchSize);

    /// <summary>SE-ResNet of depth 18, 34 or 50.</summary>
    public static ImageClassifierTrainer SENet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        int depth = 18, string labelColumnName = "Label", string featureColumnName = "Features", int epochs = 10, int batchSize = 64) =>
        catalog.Family(ArchitectureNames.SENet(depth), null, labelColumnName, featureColumnName, epochs, batchSize);

    private static ImageClassifierTrainer Family(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, string architecture,
        double? widthMultiplier, string labelColumnName, string featureColumnName, int epochs, int batchSize) =>
        catalog.ImageClassifier(new ImageClassifierTrainer.Options
        {
            Architecture = architecture,
            WidthMultiplier = widthMultiplier,
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            Epochs = epochs,
            BatchSize = batchSize,
        });
}
