using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    /// <summary>
    /// The rows to train and to validate on: all of <paramref name="data"/> and the options' ValidationSet; or, with a
    /// ValidationFraction, a hold-out of that fraction of each class (drawn from the seed by row id, so a resumed run
    /// holds out the same rows); or all of it and no validation. Validation rows are decoded into memory; the training
    /// rows stay a stream.
    /// </summary>
    /// <exception cref="ArgumentException">The validation set's columns differ from the training data's, or the
    /// fraction leaves no row on one side.</exception>
    private (IExampleStream Train, IImageDataset? Validation) SplitForValidation(DataViewExampleStream data, DataViewSchema.Column trainingLabel,
        LabelKeyValues? keyValues, ImageInput imageInput, IReadOnlyList<string> classNames, IChannel channel)
    {
        if (options.ValidationSet is { } set)
        {
            ValidationColumns(set.Schema, trainingLabel, keyValues, imageInput);
            var rows = DataViewExampleStream.Open(host, set, options, imageInput, classNames, channel, "the ValidationSet");
            return (data, rows.ReadIntoMemory(options.BadImages, channel, "the ValidationSet"));
        }
        if (options.ValidationFraction is not { } fraction) return (data, null);

        var heldOut = HoldOut(data.LabelledRows(), fraction, TrainerOptions.Seed);
        if (heldOut.Count == 0 || heldOut.Count == data.Count)
            throw new ArgumentException(
                $"ValidationFraction {fraction} of {data.Count} rows leaves {data.Count - heldOut.Count} to train on and {heldOut.Count} to validate on; each side needs at least one");
        channel.Info($"holding out {heldOut.Count} of {data.Count} rows for validation (ValidationFraction {fraction})");
        var validation = data.Restrict(heldOut, keep: true).ReadIntoMemory(options.BadImages, channel, "the held-out rows");
        return (data.Restrict(heldOut, keep: false), validation);
    }

    /// <summary>The ids of <paramref name="fraction"/> of each class's rows (rounded), drawn from <paramref name="seed"/>.</summary>
    private static HashSet<DataViewRowId> HoldOut(List<(DataViewRowId Id, int Label)> rows, double fraction, int seed)
    {
        var random = new Random(seed);
        var heldOut = new HashSet<DataViewRowId>();
        foreach (var group in rows.GroupBy(row => row.Label).OrderBy(group => group.Key))
        {
            var ids = group.Select(row => row.Id).ToArray();
            random.Shuffle(ids);
            heldOut.UnionWith(ids.Take((int)Math.Round(ids.Length * fraction, MidpointRounding.AwayFromZero)));
        }
        return heldOut;
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
