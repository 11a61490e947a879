using ModelZoo.Samples.OnnxInference;
using Xunit.Abstractions;

namespace ModelZoo.Onnx.Tests;

/// <summary>The ML.NET sample: ApplyOnnxModel behind ML.NET's image transforms scores as the ModelZoo transformer does.</summary>
public sealed class OnnxInferenceSampleTests(ITestOutputHelper output)
{
    // Both sides run the same float32 network; what differs is the order of the arithmetic.
    private const double ScoreTolerance = 1e-4;

    [Fact]
    public void MLNetWithOnnxRuntime_PredictsAsTheModelZooTransformer()
    {
        var folder = Directory.CreateTempSubdirectory("onnx-sample-");
        try
        {
            var result = OnnxInference.Run(folder.FullName);
            output.WriteLine($"{result.Agreements}/{result.Images} agree, largest score difference {result.MaxScoreDifference:E2}");
            Assert.Equal(8, result.Images);
            Assert.Equal(result.Images, result.Agreements);
            Assert.True(result.MaxScoreDifference < ScoreTolerance, $"score difference {result.MaxScoreDifference:E2}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
