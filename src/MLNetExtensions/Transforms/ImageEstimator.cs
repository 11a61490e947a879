namespace ModelZoo.MLNetExtensions.Transforms;

/// <summary>
/// The estimator of one image step (<c>ctx.Transforms.ResizeImages(32)</c>, <c>RandomHorizontalFlip()</c>, …):
/// fitting fills in what the step takes from the data and returns its <see cref="ImageTransformer"/>.
/// </summary>
public sealed class ImageEstimator : IEstimator<ImageTransformer>
{
    internal ImageEstimator(ImageOperation operation) => Operation = operation;

    /// <summary>The step, as configured (normalisation values may still be null).</summary>
    public ImageOperation Operation { get; }

    /// <inheritdoc />
    public ImageTransformer Fit(IDataView input)
    {
        var data = ImageDataView.Require(input, nameof(input));
        var resolved = Operation.Resolve(data);
        resolved.Apply(data); // fail now, naming the problem, rather than when the classifier trains
        return new ImageTransformer(resolved);
    }
}

/// <summary>A fitted image step: returns the view with the step's setting applied. Holds no native resources.</summary>
public sealed class ImageTransformer : ITransformer
{
    internal ImageTransformer(ImageOperation operation) => Operation = operation;

    /// <summary>The step, with every value resolved.</summary>
    public ImageOperation Operation { get; }

    /// <inheritdoc />
    public IDataView Transform(IDataView input) => Operation.Apply(ImageDataView.Require(input, nameof(input)));

    /// <summary>Nothing to free.</summary>
    public void Dispose()
    {
    }
}
