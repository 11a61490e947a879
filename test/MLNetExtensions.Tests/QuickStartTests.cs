using ModelZoo.Pipelines.Data;
using ModelZoo.Samples.QuickStart;

namespace ModelZoo.MLNetExtensions.Tests;

public sealed class QuickStartTests
{
    [Fact]
    public void QuickStart_RunsOnAFewHundredImages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quickstart-test-{Environment.ProcessId}.zip");
        try
        {
            var result = QuickStart.Run(trainRows: 320, testRows: 100, modelPath: path);
            Assert.True(File.Exists(path));
            Assert.Equal(10, result.Metrics.ConfusionMatrix.NumberOfClasses);
            Assert.Equal(100, result.Metrics.ConfusionMatrix.Counts.SelectMany(row => row).Sum());
            Assert.Equal(10, result.Prediction.Score.Length);
            Assert.Equal(1.0, result.Prediction.Score.Sum(), 1e-5);
            Assert.Contains(result.Prediction.PredictedLabel, FashionMnist.ClassNames);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
