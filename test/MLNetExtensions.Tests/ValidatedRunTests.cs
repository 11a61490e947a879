using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>What a run with a validation set reports: per-epoch validation metrics, callbacks, log lines.</summary>
public sealed class ValidatedRunTests(ValidatedRunFixture fixture) : IClassFixture<ValidatedRunFixture>
{
    [Fact]
    public void The_last_epochs_validation_metrics_are_ML_NETs_Evaluate_on_the_same_rows()
    {
        var metrics = fixture.Context.MulticlassClassification.Evaluate(fixture.Model.Transform(fixture.Test));
        var last = fixture.Model.TrainingHistory[^1];

        // The trainer validated the weights it returned (no EMA): the same rows, the same network.
        Assert.Equal(metrics.MicroAccuracy, last.ValidationAccuracy!.Value, 1e-12);
        Assert.Equal(metrics.LogLoss, last.ValidationLoss!.Value, 1e-5);
    }

    [Fact]
    public void Every_epoch_is_validated_and_reported_to_both_callbacks()
    {
        var history = fixture.Model.TrainingHistory;
        Assert.Equal(Enumerable.Range(1, ValidatedRunFixture.Epochs), history.Select(r => r.Epoch));
        Assert.Equal(history, fixture.Callbacks);
        Assert.Equal(history, fixture.Reported);
        var testRows = fixture.Test.GetColumn<uint>("Label").Count();
        // An accuracy on n rows is a whole number of rows out of n.
        Assert.All(history, r => Assert.Equal(Math.Round(r.ValidationAccuracy!.Value * testRows), r.ValidationAccuracy.Value * testRows, 1e-9));
        Assert.All(history, r => Assert.True(r.ValidationLoss > 0 && double.IsFinite(r.ValidationLoss.Value), $"epoch {r.Epoch}: {r.ValidationLoss}"));
    }

    [Fact]
    public void The_context_log_carries_one_line_per_epoch_with_the_validation_metrics()
    {
        lock (fixture.Log)
            for (var epoch = 1; epoch <= ValidatedRunFixture.Epochs; epoch++)
                Assert.Single(fixture.Log, m => m.Contains($"epoch {epoch}/{ValidatedRunFixture.Epochs}: loss") && m.Contains("validation loss"));
    }

    [Fact]
    public void TrainTestSplit_rows_trained_a_classifier_of_the_three_classes()
    {
        Assert.Equal(BarRow.ClassNames, fixture.Model.ClassNames.Order()); // keys in order of first appearance
        Assert.Equal("mobilenet_v1_x0_25", fixture.Model.Architecture);
        var trainRows = fixture.Train.GetColumn<uint>("Label").Count();
        var testRows = fixture.Test.GetColumn<uint>("Label").Count();
        Assert.Equal(3 * ValidatedRunFixture.PerClass, trainRows + testRows);
        lock (fixture.Log)
            Assert.Single(fixture.Log, m => m.Contains($"training mobilenet_v1_x0_25 on {trainRows} images of 3 classes at 16 px"));
    }
}
