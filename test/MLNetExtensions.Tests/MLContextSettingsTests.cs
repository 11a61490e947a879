using Microsoft.ML;
using TorchSharp;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>ML.NET's own tools and settings: GpuDeviceId and FallbackToCpu, CrossValidate.</summary>
public sealed class MLContextSettingsTests
{
    private static ImageClassifierTrainer.Options SmallRunOnTheContextsDevice()
    {
        var options = BarRow.SmallRun(epochs: 1);
        options.Device = null;
        return options;
    }

    [Fact]
    public void GpuDeviceId_without_CUDA_and_without_fallback_is_a_clear_error()
    {
        var ml = new MLContext(seed: 1) { GpuDeviceId = 0, FallbackToCpu = false };
        if (torch.cuda.is_available())
        {
            Assert.Equal("cuda:0", ml.Transforms.MobileNet(version: 1, width: 0.25).TrainerOptions.Device);
            return;
        }
        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.ImageClassifier(SmallRunOnTheContextsDevice()));
        Assert.Equal(
            "MLContext.GpuDeviceId is 0 but TorchSharp found no CUDA backend; set MLContext.FallbackToCpu = true, or the options' Device to \"cpu\"",
            error.Message);
    }

    [Fact]
    public void GpuDeviceId_with_fallback_trains_on_the_CPU_where_there_is_no_CUDA()
    {
        var ml = new MLContext(seed: 1) { GpuDeviceId = 0, FallbackToCpu = true };
        var trainer = ml.MulticlassClassification.Trainers.ImageClassifier(SmallRunOnTheContextsDevice());
        Assert.Equal(torch.cuda.is_available() ? "cuda:0" : "cpu", trainer.TrainerOptions.Device);
        using var model = trainer.Fit(BarRow.Keyed(ml, 4));
        Assert.Single(model.TrainingHistory);
    }

    [Fact]
    public void The_options_device_overrides_the_context()
    {
        var ml = new MLContext(seed: 1) { GpuDeviceId = 0, FallbackToCpu = false };
        Assert.Equal("cpu", ml.MulticlassClassification.Trainers.ImageClassifier(BarRow.SmallRun(epochs: 1)).TrainerOptions.Device);
    }

    [Fact]
    public void CrossValidate_gives_ML_NET_metrics_for_every_fold()
    {
        var ml = new MLContext(seed: 1);
        var data = BarRow.Load(ml, perClass: 8);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.25, epochs: 1, batchSize: 8));

        var folds = ml.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 2);
        try
        {
            Assert.Equal(2, folds.Count);
            // Every row is scored in exactly one fold.
            Assert.Equal(24, folds.Sum(f => f.Metrics.ConfusionMatrix.Counts.Sum(row => row.Sum())));
            Assert.All(folds, f => Assert.Equal(3, f.Metrics.ConfusionMatrix.NumberOfClasses));
            Assert.All(folds, f => Assert.True(f.Metrics.LogLoss > 0 && double.IsFinite(f.Metrics.LogLoss), $"fold {f.Fold}: log-loss {f.Metrics.LogLoss}"));
        }
        finally
        {
            foreach (var fold in folds)
                foreach (var transformer in (IEnumerable<ITransformer>)fold.Model)
                    (transformer as IDisposable)?.Dispose();
        }
    }
}
