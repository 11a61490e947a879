using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Cli.Data;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Cli.Models;

/// <summary>
/// The ML.NET pipeline every CLI training runs (train, compare, and the code <c>--emit-code</c> writes):
/// MapValueToKey("Label") → [LoadRawImageBytes for image files] → the zoo's ImageClassifier → MapKeyToValue("PredictedLabel").
/// </summary>
internal static class ClassifierPipeline
{
    /// <summary>
    /// The steps before the trainer. Keys follow the data set's class order (not the order labels first appear), so
    /// Score slots, the confusion matrix and the reports list classes as the data set does.
    /// </summary>
    internal static IEstimator<ITransformer> Preparation(MLContext mlContext, IReadOnlyList<string> classNames, bool fromFiles)
    {
        var keys = mlContext.Data.LoadFromEnumerable(classNames.Select(name => new ClassName { Label = name }));
        var toKey = mlContext.Transforms.Conversion.MapValueToKey(ColumnNames.Label, keyData: keys);
        return fromFiles
            ? toKey.Append(mlContext.Transforms.LoadRawImageBytes(ColumnNames.Features, imageFolder: null, inputColumnName: ColumnNames.ImagePath))
            : toKey;
    }

    /// <summary>
    /// Fits the whole pipeline on <paramref name="train"/>, validating every epoch on <paramref name="validation"/>. It sets
    /// the options' ValidationSet, ImagePathColumnName and Completed for this run; give each run options of its own.
    /// </summary>
    internal static FittedClassifier Fit(MLContext mlContext, IReadOnlyList<string> classNames, bool fromFiles, IDataView train, IDataView? validation,
        ImageClassifierTrainer.Options options)
    {
        var preparation = Preparation(mlContext, classNames, fromFiles);
        // The trainer reads image files through the pipeline; with their paths it names a bad file, not a row.
        options.ImagePathColumnName = fromFiles ? ColumnNames.ImagePath : null;
        // ML.NET trainers take their validation rows already prepared, as the pipeline prepares the training rows.
        if (validation is not null) options.ValidationSet = preparation.Fit(train).Transform(validation);
        TrainingResult? training = null;
        var completed = options.Completed;
        options.Completed = result =>
        {
            training = result;
            completed?.Invoke(result);
        };
        var model = preparation
            .Append(mlContext.MulticlassClassification.Trainers.ImageClassifier(options))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue(ColumnNames.PredictedLabel))
            .Fit(train);
        return new FittedClassifier(model, train.Schema, training ?? throw new InvalidOperationException("the trainer reported no training run"));
    }

    /// <summary>ML.NET's metrics of <paramref name="model"/> on <paramref name="test"/>, top-K clamped to the class count.</summary>
    internal static MulticlassClassificationMetrics Evaluate(MLContext mlContext, ITransformer model, IDataView test, int classCount, int topK) =>
        mlContext.MulticlassClassification.Evaluate(model.Transform(test), ColumnNames.Label, ColumnNames.Score, ColumnNames.PredictedLabel,
            topKPredictionCount: Math.Clamp(topK, 1, classCount));

    private sealed class ClassName
    {
        public string Label { get; set; } = "";
    }
}

/// <summary>A fitted pipeline with the schema it was fitted on (Model.Save needs it) and the trainer's record of the run.</summary>
internal sealed record FittedClassifier(ITransformer Model, DataViewSchema InputSchema, TrainingResult Training) : IDisposable
{
    /// <summary>The zoo classifier inside the pipeline.</summary>
    internal ImageClassifierTransformer Classifier => ModelZip.Classifier(Model);

    public void Dispose() => Classifier.Dispose();
}
