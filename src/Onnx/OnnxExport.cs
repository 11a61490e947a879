using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.Onnx;

/// <summary>
/// ONNX export of trained classifiers: the graph takes 0..1 RGB (or grey) pixels, normalises them with the
/// training statistics as its first two nodes (Sub, Div) and carries the class names and preprocessing in its
/// metadata. ML.NET's ExtractPixels applies one offset and scale to every channel, so per-channel mean and std
/// cannot be left to it; baking them in keeps the ML.NET pipeline to ExtractPixels(scaleImage: 1/255).
/// </summary>
public static class OnnxExport
{
    /// <summary>Writes the transformer's network to <paramref name="path"/>; <paramref name="options"/>' opset, batch and folding apply.</summary>
    public static void ExportOnnx(this ImageClassifierTransformer transformer, string path, OnnxExportOptions? options = null) =>
        OnnxExporter.Export(transformer.Model, path, ForTrainedModel(transformer.Preprocessing, transformer.ClassNames, options));

    /// <summary>Writes a trained model (as read from a <c>.mzmodel</c> file) to <paramref name="path"/>.</summary>
    public static void ExportOnnx(this TrainedModel trained, string path, OnnxExportOptions? options = null) =>
        OnnxExporter.Export(trained.Model, path, ForTrainedModel(trained.Preprocessing, trained.ClassNames, options));

    private static OnnxExportOptions ForTrainedModel(Preprocessing preprocessing, IReadOnlyList<string> classNames, OnnxExportOptions? options)
    {
        var (mean, std) = preprocessing.Statistics();
        return (options ?? new OnnxExportOptions()) with
        {
            InputSize = preprocessing.InputSize,
            InputChannels = preprocessing.Channels,
            Mean = mean,
            Std = std,
            ClassNames = classNames,
        };
    }
}
