using ModelZoo.MLNetExtensions.Trainers;

namespace ModelZoo.MLNetExtensions;

/// <summary>Model files and prediction engines (<c>ctx.Model</c>), as ML.NET's <c>ModelOperationsCatalog</c>.</summary>
public sealed class ModelOperationsCatalog
{
    private readonly ModelZooContext context;

    internal ModelOperationsCatalog(ModelZooContext context) => this.context = context;

    /// <summary>
    /// Writes <paramref name="model"/> (a fitted pipeline: image steps, then a classifier) to one versioned file holding
    /// the steps, the class names, the preprocessing and the weights. The file is written atomically.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not end with a trained classifier, or holds a step that cannot be saved.</exception>
    public void Save(ITransformer model, string filePath) => PipelineFile.Save(model, filePath);

    /// <summary>
    /// Reads a pipeline written by <see cref="Save"/> (or any ModelZoo model file) onto the context's device. The caller
    /// disposes it. A loaded pipeline predicts exactly as the saved one did.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a ModelZoo model, or is damaged.</exception>
    public TransformerChain<ImageClassificationTransformer> Load(string filePath) =>
        PipelineFile.Load(filePath, ModelZooContext.ResolveDevice(context.Device));

    /// <summary>An engine that classifies one image at a time with <paramref name="model"/>'s classifier (which it does not own).</summary>
    /// <param name="model">A fitted or loaded pipeline, or the classifier itself.</param>
    /// <param name="topK">Classes listed in every result's <see cref="ImageClassificationResult.TopK"/>, at least 1 (capped at the class count).</param>
    /// <exception cref="ArgumentException">The model does not end with a trained classifier.</exception>
    public ImagePredictionEngine CreatePredictionEngine(ITransformer model, int topK = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        return new ImagePredictionEngine(PipelineFile.Decompose(model).Classifier, topK);
    }
}
