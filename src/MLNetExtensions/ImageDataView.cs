using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Labelled images (an <see cref="IImageDataset"/>) with the image settings a classifier will train with:
/// the data source's normalisation defaults, plus what image transforms set (input size, normalisation,
/// training-time augmentation). Views are immutable; a transform returns a new view of the same images.
/// </summary>
public sealed class ImageDataView : IDataView
{
    /// <summary>Wraps <paramref name="dataset"/> with the source's normalisation defaults.</summary>
    /// <exception cref="ArgumentException">Mean and std are empty, differ in length, or a std is not positive.</exception>
    public ImageDataView(IImageDataset dataset, double[] mean, double[] std)
        : this(dataset, mean, std, null, Augmentation.None)
    {
    }

    private ImageDataView(IImageDataset dataset, double[] mean, double[] std, int? imageSize, Augmentation augmentation)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckNormalization(mean, std);
        Dataset = dataset;
        Mean = mean;
        Std = std;
        ImageSize = imageSize;
        Augmentation = augmentation;
    }

    /// <summary>The images and labels.</summary>
    public IImageDataset Dataset { get; }

    /// <inheritdoc />
    public int Count => Dataset.Count;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames => Dataset.ClassNames;

    /// <summary>Channels of the images: 1 grey or 3 RGB.</summary>
    public int Channels => Dataset.Channels;

    /// <summary>Per-channel mean of the 0..1 pixel values, used to normalise.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Per-channel standard deviation of the 0..1 pixel values, used to normalise.</summary>
    public IReadOnlyList<double> Std { get; }

    /// <summary>Side of the square model input set by <see cref="TransformsCatalog.ResizeImages"/>; null when not set.</summary>
    public int? ImageSize { get; }

    /// <summary>Augmentation a classifier applies while training on this view (never when predicting).</summary>
    public Augmentation Augmentation { get; }

    /// <summary>
    /// The model input side: <see cref="ImageSize"/> when set, else the images' own size when they are square and
    /// all alike (28 for Fashion-MNIST, 32 for CIFAR), else 224.
    /// </summary>
    public int InputSize => ImageSize ?? (Dataset.FixedSize is { } size && size.Height == size.Width ? size.Height : DefaultInputSize);

    /// <summary>The input side used for images of varying size when no size was set.</summary>
    public const int DefaultInputSize = 224;

    /// <summary>The preprocessing a classifier trained on this view uses, at training and prediction time.</summary>
    public Preprocessing ToPreprocessing() => new Preprocessing
    {
        InputSize = InputSize,
        Channels = Channels,
        Mean = [.. Mean],
        Std = [.. Std],
    }.Validate();

    /// <summary>The first <paramref name="count"/> rows (all of them when there are fewer), with the same settings.</summary>
    public ImageDataView Take(int count) => WithDataset(Dataset.Take(count));

    internal ImageDataView WithDataset(IImageDataset dataset) => new(dataset, [.. Mean], [.. Std], ImageSize, Augmentation);

    internal ImageDataView WithImageSize(int size) => new(Dataset, [.. Mean], [.. Std], size, Augmentation);

    internal ImageDataView WithNormalization(double[] mean, double[] std) => new(Dataset, mean, std, ImageSize, Augmentation);

    internal ImageDataView WithAugmentation(Func<Augmentation, Augmentation> change) =>
        new(Dataset, [.. Mean], [.. Std], ImageSize, change(Augmentation));

    internal static void CheckNormalization(double[]? mean, double[]? std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0 || mean.Length != std.Length)
            throw new ArgumentException($"mean and std need the same, non-zero number of values; got {mean.Length} and {std.Length}");
        if (std.Any(s => !(s > 0)))
            throw new ArgumentException($"std values must be positive, got [{string.Join(", ", std)}]", nameof(std));
    }

    /// <summary>Looks at <paramref name="data"/> as images, or explains what was given instead.</summary>
    internal static ImageDataView Require(IDataView data, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(data, parameterName);
        return data as ImageDataView ?? throw new ArgumentException(
            $"expected image data (an ImageDataView from ctx.Data), got a {data.GetType().Name}", parameterName);
    }
}
