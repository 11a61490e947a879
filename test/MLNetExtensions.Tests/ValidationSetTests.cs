using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>A validation set that does not match the training data is refused before any training, naming the columns.</summary>
public sealed class ValidationSetTests
{
    private readonly MLContext ml = new(seed: 1);

    private string FitError(IDataView validation)
    {
        var options = BarRow.SmallRun(epochs: 1);
        options.ValidationSet = validation;
        return Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.ImageClassifier(options).Fit(BarRow.Keyed(ml, 2))).Message;
    }

    [Fact]
    public void Classes_keyed_in_another_order_are_named_for_both_columns()
    {
        // Keyed on its own, the validation set numbers its classes in its own order of appearance.
        var rows = BarRow.Load(ml, 2, classOrder: [2, 1, 0]);
        var message = FitError(ml.Transforms.Conversion.MapValueToKey("Label").Fit(rows).Transform(rows));
        Assert.Contains("the ValidationSet's label column 'Label' has classes (vertical, noise, horizontal)", message);
        Assert.Contains("training label column 'Label' has (horizontal, noise, vertical)", message);
    }

    [Fact]
    public void Fewer_classes_are_a_different_key_type()
    {
        var rows = BarRow.Load(ml, 2, classOrder: [0, 1]);
        var message = FitError(ml.Transforms.Conversion.MapValueToKey("Label").Fit(rows).Transform(rows));
        Assert.Contains("the ValidationSet's label column 'Label' has type Key<UInt32, 0-1> but the training label column 'Label' has Key<UInt32, 0-2>", message);
    }

    [Fact]
    public void A_label_that_is_not_yet_a_key_is_refused()
    {
        var message = FitError(BarRow.Load(ml, 2));
        Assert.Contains("the ValidationSet's label column 'Label' has type String", message);
        Assert.Contains("MapValueToKey", message);
    }

    private sealed class SmallImage
    {
        public string Label { get; set; } = "";

        [VectorType(8 * 8)]
        public float[] Features { get; set; } = [];
    }

    private sealed class ClassName
    {
        public string Label { get; set; } = "";
    }

    [Fact]
    public void Images_of_another_size_are_named_with_the_feature_column()
    {
        // Keys from the training classes in their order, so only the features differ.
        var keyData = ml.Data.LoadFromEnumerable(BarRow.ClassNames.Select(name => new ClassName { Label = name }));
        var small = ml.Data.LoadFromEnumerable([new SmallImage { Label = "noise", Features = new float[8 * 8] }]);
        var message = FitError(ml.Transforms.Conversion.MapValueToKey("Label", keyData: keyData).Fit(small).Transform(small));
        Assert.Contains("the ValidationSet's feature column 'Features' has type Vector<Single, 64>;", message);
        Assert.Contains("takes a Vector<Single, 256>", message);
    }

    [Fact]
    public void A_fraction_that_leaves_no_validation_row_is_refused()
    {
        var options = BarRow.SmallRun(epochs: 1);
        options.ValidationFraction = 0.1;
        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.ImageClassifier(options).Fit(BarRow.Keyed(ml, 1)));
        Assert.Contains("ValidationFraction 0.1 of 3 rows leaves 3 to train on and 0 to validate on", error.Message);
    }

    [Fact]
    public void A_fraction_holds_out_that_share_of_each_class_and_trains_on_the_rest()
    {
        var log = new List<string>();
        var context = new MLContext(seed: 1);
        context.Log += (_, e) => { lock (log) log.Add(e.Message); };
        var options = BarRow.SmallRun(epochs: 1);
        options.ValidationFraction = 0.25;
        using var model = context.MulticlassClassification.Trainers.ImageClassifier(options).Fit(BarRow.Keyed(context, 4));

        // 4 rows of each of 3 classes: one of each held out, read into memory; the other 9 streamed for training.
        Assert.Contains(log, line => line.Contains("holding out 3 of 12 rows for validation"));
        Assert.Contains(log, line => line.Contains("on 9 images of 3 classes"));
        Assert.NotNull(model.TrainingHistory[^1].ValidationAccuracy);
    }
}
