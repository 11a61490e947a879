using Microsoft.ML;
using ModelZoo.MLNetExtensions;
using static TorchSharp.torch;

namespace ModelZoo.Cli.Tests;

/// <summary>Opens the model zips the CLI writes the way any ML.NET program does: mlContext.Model.Load.</summary>
internal static class SavedModels
{
    /// <summary>The zoo classifier inside the zip's pipeline (the caller disposes it).</summary>
    internal static ImageClassifierTransformer Classifier(string path)
    {
        var model = new MLContext(seed: 1).Model.Load(path, out _);
        return model.FindImageClassifier() ?? throw new InvalidDataException($"{path} holds no ModelZoo image classifier");
    }

    /// <summary>Asserts that two saved classifiers hold the same weights, bit for bit.</summary>
    internal static void AssertSameWeights(string expectedPath, string actualPath)
    {
        using var expected = Classifier(expectedPath);
        using var actual = Classifier(actualPath);
        var (left, right) = (expected.Model.state_dict(), actual.Model.state_dict());
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach (var (name, tensor) in left)
        {
            using var a = tensor.cpu().contiguous();
            using var b = right[name].cpu().contiguous();
            Assert.True(a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && a.bytes.SequenceEqual(b.bytes), $"'{name}' differs bit for bit");
        }
    }
}
