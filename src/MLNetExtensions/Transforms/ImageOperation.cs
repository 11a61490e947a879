using System.Text.Json.Serialization;

namespace ModelZoo.MLNetExtensions.Transforms;

/// <summary>
/// One image step of a pipeline. Each changes the settings an <see cref="ImageDataView"/> carries to the classifier
/// that trains on it; augmentations act only while training. Steps are saved with a model as JSON, named by the
/// "op" property.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(ResizeImagesOperation), "resize")]
[JsonDerivedType(typeof(NormalizeImagesOperation), "normalize")]
[JsonDerivedType(typeof(RandomCropOperation), "random_crop")]
[JsonDerivedType(typeof(RandomHorizontalFlipOperation), "random_horizontal_flip")]
[JsonDerivedType(typeof(RandomVerticalFlipOperation), "random_vertical_flip")]
[JsonDerivedType(typeof(RandomErasingOperation), "random_erasing")]
public abstract record ImageOperation
{
    /// <summary>True for augmentations, which act only while a classifier trains.</summary>
    [JsonIgnore]
    public bool TrainingOnly => this is not (ResizeImagesOperation or NormalizeImagesOperation);

    /// <summary>The step with everything it takes from the data filled in (the default normalisation).</summary>
    internal virtual ImageOperation Resolve(ImageDataView data) => this;

    /// <summary>The view with this step's setting applied.</summary>
    internal abstract ImageDataView Apply(ImageDataView data);
}

/// <summary>Resize every image to <paramref name="Size"/> × <paramref name="Size"/> (bilinear, antialiased; non-square images are center-cropped).</summary>
/// <param name="Size">Side of the square model input, at least 8.</param>
public sealed record ResizeImagesOperation(int Size) : ImageOperation
{
    internal override ImageDataView Apply(ImageDataView data) => data.WithImageSize(Size);
}

/// <summary>Normalise each channel to (x / 255 − mean) / std; null values take the data source's defaults when fitted.</summary>
/// <param name="Mean">Per-channel mean of the 0..1 pixel values, or null.</param>
/// <param name="Std">Per-channel standard deviation of the 0..1 pixel values, or null.</param>
public sealed record NormalizeImagesOperation(double[]? Mean, double[]? Std) : ImageOperation
{
    internal override ImageOperation Resolve(ImageDataView data) =>
        new NormalizeImagesOperation(Mean ?? [.. data.Mean], Std ?? [.. data.Std]);

    internal override ImageDataView Apply(ImageDataView data)
    {
        var (mean, std) = (Mean ?? [.. data.Mean], Std ?? [.. data.Std]);
        ImageDataView.CheckNormalization(mean, std);
        if (mean.Length != 1 && data.Channels != 1 && mean.Length != data.Channels)
            throw new ArgumentException($"normalisation has {mean.Length} values but the images have {data.Channels} channels");
        return data.WithNormalization(mean, std);
    }
}

/// <summary>Random crop back to the input size after zero padding by <paramref name="Padding"/> pixels (training only).</summary>
/// <param name="Padding">Pixels of padding on each side, at least 1.</param>
public sealed record RandomCropOperation(int Padding) : ImageOperation
{
    internal override ImageDataView Apply(ImageDataView data) =>
        data.WithAugmentation(a => a with { RandomCropPadding = Padding });
}

/// <summary>Mirror left-right with probability 0.5 (training only).</summary>
public sealed record RandomHorizontalFlipOperation : ImageOperation
{
    internal override ImageDataView Apply(ImageDataView data) =>
        data.WithAugmentation(a => a with { HorizontalFlip = true });
}

/// <summary>Mirror top-bottom with probability 0.5 (training only).</summary>
public sealed record RandomVerticalFlipOperation : ImageOperation
{
    internal override ImageDataView Apply(ImageDataView data) =>
        data.WithAugmentation(a => a with { VerticalFlip = true });
}

/// <summary>Erase a random rectangle with probability <paramref name="Probability"/> (Zhong et al.; training only).</summary>
/// <param name="Probability">Chance per image, in (0, 1].</param>
public sealed record RandomErasingOperation(double Probability) : ImageOperation
{
    internal override ImageDataView Apply(ImageDataView data) =>
        data.WithAugmentation(a => a with { RandomErasing = Probability });
}
