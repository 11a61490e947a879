using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>Columns of the wrong kind are refused with messages naming them.</summary>
public sealed class InputCheckTests
{
    private sealed class TextFeatures
    {
        public string Label { get; set; } = "";
        public string Features { get; set; } = "";
    }

    [Fact]
    public void A_text_feature_column_is_named_with_its_type_and_what_is_accepted()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new TextFeatures { Label = "a", Features = "x" }]);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.25, epochs: 1));

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(data));

        Assert.Contains("feature column 'Features' has type String", error.Message);
        Assert.Contains("Vector<Byte> of encoded image bytes", error.Message);
        Assert.Contains("MLImage", error.Message);
        Assert.Contains("Vector<Single> of C×H×W pixel values", error.Message);
    }

    [Fact]
    public void A_label_that_is_not_a_key_is_refused()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new FashionRow { Label = "a", Features = new float[784] }]);

        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.25).Fit(data));

        Assert.Contains("label column 'Label' has type String", error.Message);
        Assert.Contains("MapValueToKey", error.Message);
    }

    [Fact]
    public void An_unknown_mobilenet_width_is_refused_where_the_pipeline_is_written()
    {
        var ml = new MLContext();
        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.3));
        Assert.Contains("0.25", error.Message);
    }
}
