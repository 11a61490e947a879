using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    /// <summary>
    /// The rows to train and to validate on: all of <paramref name="data"/> and the options' ValidationSet; or,
    /// with a ValidationFraction, a hold-out of that fraction of each class (stratified, the same for the same seed,
    /// so a resumed run holds out the same rows); or all of it and no validation.
    /// </summary>
    /// <exception cref="ArgumentException">The validation set's columns differ from the training data's, or the
    /// fraction leaves no row on one side.</exception>
    private (IImageDataset Train, IImageDataset? Validation) SplitForValidation(LabelledImages data, DataViewSchema.Column trainingLabel,
        LabelKeyValues? keyValues, ImageInput imageInput, IChannel channel)
    {
        if (options.ValidationSet is { } set)
        {
            var (label, feature) = ValidationColumns(set.Schema, trainingLabel, keyValues, imageInput);
            return (data, ReadRows(set, label, feature, imageInput, data.ClassNames, channel, "the ValidationSet"));
        }
        if (options.ValidationFraction is not { } fraction) return (data, null);

        // StratifiedSplit's "test" part is everything not given to training: here the held-out rows.
        var split = data.Split(trainRatio: 1 - fraction, TrainerOptions.Seed);
        if (split.Train.Count == 0 || split.Test.Count == 0)
            throw new ArgumentException(
                $"ValidationFraction {fraction} of {data.Count} rows leaves {split.Train.Count} to train on and {split.Test.Count} to validate on; each side needs at least one");
        channel.Info($"holding out {split.Test.Count} of {data.Count} rows for validation (ValidationFraction {fraction})");
        return (split.Train, split.Test);
    }

    /// <summary>The validation set's label and feature columns, which must be of the training data's types and classes.</summary>
    private (DataViewSchema.Column Label, DataViewSchema.Column Feature) ValidationColumns(DataViewSchema schema, DataViewSchema.Column trainingLabel,
        LabelKeyValues? keyValues, ImageInput imageInput)
    {
        const string SameMapping = "transform the validation rows with the pipeline fitted on the training rows, so both use the same MapValueToKey";
        var label = schema.GetColumnOrNull(options.LabelColumnName)
            ?? throw new ArgumentException($"the ValidationSet has no label column '{options.LabelColumnName}'");
        if (!label.Type.Equals(trainingLabel.Type))
            throw new ArgumentException(
                $"the ValidationSet's label column '{label.Name}' has type {label.Type} but the training label column '{trainingLabel.Name}' has {trainingLabel.Type}; {SameMapping}");
        var classCount = checked((int)((KeyDataViewType)label.Type).Count);
        var validationNames = LabelKeyValues.FromColumn(label, classCount)?.Names;
        if (keyValues is not null && (validationNames is null || !validationNames.SequenceEqual(keyValues.Names)))
            throw new ArgumentException(
                $"the ValidationSet's label column '{label.Name}' has classes ({string.Join(", ", validationNames ?? ["none named"])}) but the training " +
                $"label column '{trainingLabel.Name}' has ({string.Join(", ", keyValues.Names)}); {SameMapping}");
        if (!schema.TryGetColumnIndex(options.FeatureColumnName, out _))
            throw new ArgumentException($"the ValidationSet has no feature column '{options.FeatureColumnName}'");
        try
        {
            return (label, schema[imageInput.FindColumn(schema, options.FeatureColumnName)]);
        }
        catch (ArgumentException e)
        {
            // FindColumn's message begins "feature column 'X' has type ...".
            throw new ArgumentException($"the ValidationSet's {e.Message}", e);
        }
    }
}
