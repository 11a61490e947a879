using ModelZoo.Pipelines.Data;
using ModelZoo.Samples.QuickStart;

namespace ModelZoo.MLNetExtensions.Tests;

public sealed class QuickStartTests
{
    [Fact]
    public void QuickStart_RunsOnAFewHundredImages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quickstart-test-{Environment.ProcessId}.mzmodel");
        try
        {
            var result = QuickStart.Run(trainRows: 320, testRows: 100, modelPath: path);
            Assert.True(File.Exists(path));
            Assert.Equal(100, result.Metrics.Count);
            Assert.Equal(10, result.Prediction.Score.Length);
            Assert.Equal(1.0, result.Prediction.Score.Sum(), 1e-5);
            Assert.Contains(result.Prediction.PredictedLabel, FashionMnist.ClassNames);
            Assert.Equal(5, result.Prediction.TopK.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
