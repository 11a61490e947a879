using ModelZoo.MLNetExtensions.Tests.Data;
using ModelZoo.Samples.ImageFolder;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>samples/ImageFolder, line for line, on a generated folder of dark and bright images.</summary>
public sealed class ImageFolderSampleTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("mz-image-folder-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void ImageFolder_TrainsEvaluatesSavesLoadsAndPredicts()
    {
        var folder = Path.Combine(root, "photos");
        PngFolder.Write(folder, perClass: 12, side: 24, seed: 7);
        File.WriteAllText(Path.Combine(folder, "bright", "notes.txt"), "not an image: the sample reads image files only");
        var modelPath = Path.Combine(root, "model.zip");

        var result = ImageFolderSample.Run(folder, modelPath, epochs: 2);

        Assert.True(File.Exists(modelPath));
        Assert.Equal(2, result.Metrics.ConfusionMatrix.NumberOfClasses);
        var tested = result.Metrics.ConfusionMatrix.Counts.SelectMany(row => row).Sum();
        Assert.InRange(tested, 1, 23);
        Assert.Equal(2, result.Prediction.Score.Length);
        Assert.Equal(1.0, result.Prediction.Score.Sum(), 1e-5);
        Assert.Contains(result.Prediction.PredictedLabel, new[] { "dark", "bright" });
        Assert.StartsWith(Path.Combine(folder, result.First.Label), result.First.ImagePath);
    }
}
