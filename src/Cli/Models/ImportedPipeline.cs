using Microsoft.ML;
using ModelZoo.Cli.Data;
using ModelZoo.MLNetExtensions;

namespace ModelZoo.Cli.Models;

/// <summary>
/// Imported weights saved as the same pipeline <c>train</c> fits (<see cref="ClassifierPipeline"/>), so predict,
/// evaluate and fine-tuning take one model form: MapValueToKey("Label") → LoadRawImageBytes → the classifier →
/// MapKeyToValue("PredictedLabel").
/// </summary>
internal static class ImportedPipeline
{
    internal static void Save(MLContext mlContext, ImageClassifierTransformer classifier, IReadOnlyList<string> classNames, string path)
    {
        // The steps around the classifier learn nothing from rows (keys come from the class names), so no rows are needed.
        var rows = UnlabelledImages.LoadFiles(mlContext, []);
        var prepared = ClassifierPipeline.Preparation(mlContext, classNames, fromFiles: true).Fit(rows).Append(classifier);
        var labelled = mlContext.Transforms.Conversion.MapKeyToValue(ColumnNames.PredictedLabel).Fit(prepared.Transform(rows));
        ModelZip.Save(mlContext, prepared.Append(labelled), rows.Schema, path);
    }
}
