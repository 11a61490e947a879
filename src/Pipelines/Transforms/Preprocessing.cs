namespace ModelZoo.Pipelines.Transforms;

/// <summary>
/// What turns a decoded image into model input, at training and at prediction time alike:
/// size, channels and normalisation. It is saved with a trained model so predictions see
/// exactly what training saw.
/// </summary>
public sealed record Preprocessing
{
    /// <summary>Side of the square model input.</summary>
    public int InputSize { get; init; } = 224;
    /// <summary>Channels the model takes (1 grey, 3 RGB); images are converted.</summary>
    public int Channels { get; init; } = 3;
    /// <summary>Per-channel mean of the 0..1 pixel values.</summary>
    public double[] Mean { get; init; } = [0.485, 0.456, 0.406];
    /// <summary>Per-channel standard deviation of the 0..1 pixel values.</summary>
    public double[] Std { get; init; } = [0.229, 0.224, 0.225];
    /// <summary>
    /// Images of another size are resized so the shorter side is InputSize / <see cref="CropFraction"/>,
    /// then center-cropped to InputSize (torchvision's evaluation transform); 1 resizes the shorter side to InputSize.
    /// </summary>
    public double CropFraction { get; init; } = 1.0;

    /// <summary>ImageNet statistics (folder data sets, photos).</summary>
    public static readonly double[] ImageNetMean = [0.485, 0.456, 0.406], ImageNetStd = [0.229, 0.224, 0.225];
    /// <summary>CIFAR-10 training-set statistics.</summary>
    public static readonly double[] Cifar10Mean = [0.4914, 0.4822, 0.4465], Cifar10Std = [0.2470, 0.2435, 0.2616];
    /// <summary>CIFAR-100 training-set statistics.</summary>
    public static readonly double[] Cifar100Mean = [0.5071, 0.4865, 0.4409], Cifar100Std = [0.2673, 0.2564, 0.2762];
    /// <summary>Fashion-MNIST training-set statistics.</summary>
    public static readonly double[] FashionMnistMean = [0.2860], FashionMnistStd = [0.3530];
    /// <summary>MNIST training-set statistics.</summary>
    public static readonly double[] MnistMean = [0.1307], MnistStd = [0.3081];

    /// <summary>Mean and std repeated or averaged to <see cref="Channels"/> entries.</summary>
    public (double[] mean, double[] std) Statistics()
    {
        return (Fit(Mean), Fit(Std));
        double[] Fit(double[] values) => values.Length == Channels ? values
            : values.Length == 1 ? Enumerable.Repeat(values[0], Channels).ToArray()
            : Channels == 1 ? [values.Average()]
            : throw new ArgumentException($"normalisation has {values.Length} values for {Channels} channels");
    }

    /// <summary>Throws naming the first setting that makes no sense.</summary>
    public Preprocessing Validate()
    {
        // Null only comes from JSON that sets it so (a damaged model file).
        if (Mean is null || Std is null) throw new ArgumentException("normalisation mean and std must both be given");
        if (InputSize < 8) throw new ArgumentException($"input size must be at least 8 px, got {InputSize}");
        if (Channels is not (1 or 3)) throw new ArgumentException($"channels must be 1 or 3, got {Channels}");
        if (Std.Any(s => s <= 0)) throw new ArgumentException("normalisation std must be positive");
        if (CropFraction is <= 0 or > 1) throw new ArgumentException($"crop fraction must be in (0, 1], got {CropFraction}");
        Statistics();
        return this;
    }
}
