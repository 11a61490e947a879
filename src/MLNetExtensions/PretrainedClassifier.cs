using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Persistence;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// A classifier transformer for a network that was not fitted in an ML.NET pipeline (PyTorch weights that
/// <c>modelzoo import</c> brings in), so it saves, loads and scores like a fitted one. It reads encoded image bytes
/// (<c>LoadRawImageBytes</c>) and predicts with the model's own preprocessing; its PredictedLabel key carries the
/// class names as text.
/// </summary>
public static class PretrainedClassifier
{
    /// <summary>Wraps <paramref name="trained"/> (the transformer takes it over and disposes it).</summary>
    public static ImageClassifierTransformer Create(MLContext mlContext, TrainedModel trained, string featureColumnName = "Features",
        string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(trained);
        var names = trained.ClassNames.Select(name => name.AsMemory()).ToArray();
        var type = new VectorDataViewType(TextDataViewType.Instance, names.Length);
        var keyValues = new LabelKeyValues<ReadOnlyMemory<char>>(type, new VBuffer<ReadOnlyMemory<char>>(names.Length, names));
        var input = new ImageInput(ImageInputKind.EncodedBytes, 0, 0, trained.Preprocessing.Channels);
        return new ImageClassifierTransformer(mlContext, trained, input, keyValues, featureColumnName, scoreColumnName,
            predictedLabelColumnName, DeviceChoice.For(mlContext, null));
    }
}
