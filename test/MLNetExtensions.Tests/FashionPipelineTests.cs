using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>A real ML.NET pipeline around a zoo architecture: evaluate, save, load elsewhere, predict.</summary>
[Collection(TrainedFashionCollection.Name)]
public sealed class FashionPipelineTests(TrainedFashionFixture fixture)
{
    /// <summary>Chance is 0.1 on ten classes; two short epochs on 1500 images reach well above it everywhere.</summary>
    private const double MinAccuracy = 0.4;

    [Fact]
    public void Evaluate_gives_multiclass_metrics_with_the_class_names()
    {
        var metrics = fixture.Context.MulticlassClassification.Evaluate(fixture.Model.Transform(fixture.Test));

        Assert.True(metrics.MicroAccuracy > MinAccuracy, $"micro accuracy {metrics.MicroAccuracy}");
        Assert.True(double.IsFinite(metrics.LogLoss) && metrics.LogLoss > 0, $"log-loss {metrics.LogLoss}");
        Assert.Equal(10, metrics.ConfusionMatrix.NumberOfClasses);
        Assert.Contains("Ankle boot", metrics.ConfusionMatrix.GetFormattedConfusionTable());
    }

    [Fact]
    public void Scores_are_probabilities_and_the_predicted_label_is_the_class_name()
    {
        var scored = fixture.Model.Transform(fixture.Test);
        var scores = scored.GetColumn<float[]>("Score").ToList();
        var predicted = scored.GetColumn<string>("PredictedLabel").ToList();

        Assert.All(scores, s => Assert.Equal(1.0, s.Sum(), 4));
        Assert.All(scores, s => Assert.All(s, p => Assert.InRange(p, 0f, 1f)));
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["Score"].GetSlotNames(ref slotNames);
        var names = slotNames.DenseValues().Select(n => n.ToString()).ToArray();
        Assert.Equal(names[Array.IndexOf(scores[0], scores[0].Max())], predicted[0]);
    }

    [Fact]
    public void Training_reports_through_the_context_log()
    {
        lock (fixture.Log)
            Assert.Contains(fixture.Log, m => m.Contains("epoch 2/2"));
    }

    [Fact]
    public void A_model_loaded_in_a_fresh_process_scores_bit_identically()
    {
        var directory = Directory.CreateTempSubdirectory("mlnet-tests");
        try
        {
            var modelPath = Path.Combine(directory.FullName, "model.zip");
            var dataPath = Path.Combine(directory.FullName, "test.idv");
            var sample = fixture.Context.Data.TakeRows(fixture.Test, 40);
            fixture.Context.Model.Save(fixture.Model, fixture.Train.Schema, modelPath);
            using (var stream = File.Create(dataPath)) fixture.Context.Data.SaveAsBinary(sample, stream);

            var expected = fixture.Model.Transform(fixture.Context.Data.LoadFromBinary(dataPath)).GetColumn<float[]>("Score")
                .Select(s => string.Join(' ', s.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
            var loaded = FreshProcess.Score(modelPath, dataPath);

            Assert.Equal(40, expected.Length);
            Assert.Equal(expected, loaded);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_prediction_engine_predicts_one_row()
    {
        var row = fixture.Context.Data.CreateEnumerable<FashionRow>(fixture.Test, reuseRowObject: false).First();
        var engine = fixture.Context.Model.CreatePredictionEngine<FashionRow, Prediction>(fixture.Model);

        var prediction = engine.Predict(row);

        Assert.Equal(10, prediction.Score.Length);
        Assert.Equal(1.0, prediction.Score.Sum(), 4);
        Assert.False(string.IsNullOrEmpty(prediction.PredictedLabel));
    }

    public sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }
}
