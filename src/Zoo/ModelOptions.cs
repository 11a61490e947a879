namespace ModelZoo.Zoo;

/// <summary>What every architecture in the zoo accepts.</summary>
public sealed record ModelOptions
{
    /// <summary>Classes the classifier predicts.</summary>
    public int NumClasses { get; init; } = 1000;

    /// <summary>Image channels: 3 for RGB, 1 for grey (Fashion-MNIST).</summary>
    public int InChannels { get; init; } = 3;

    /// <summary>Side of the square input image in pixels.</summary>
    public int InputSize { get; init; } = 224;

    /// <summary>Dropout before the classifier; null keeps the architecture's published value.</summary>
    public double? Dropout { get; init; }

    /// <summary>
    /// Small-input mode for 28–32 px images (CIFAR, Fashion-MNIST): the early downsampling is dropped
    /// the way the CIFAR variants of these networks do. Null chooses it from <see cref="InputSize"/>
    /// (at most 64 px).
    /// </summary>
    public bool? SmallInput { get; init; }

    /// <summary>
    /// Channel width multiplier for families that take one (mobilenet_v2); null keeps the variant's. At most
    /// <see cref="MaxWidthMultiplier"/>.
    /// </summary>
    public double? WidthMultiplier { get; init; }

    /// <summary>
    /// Largest width multiplier accepted: well past every published variant (1.4), and a bound on what a model
    /// file's options can make the loader allocate (parameters grow with its square).
    /// </summary>
    public const double MaxWidthMultiplier = 4;

    /// <summary>The small-input mode actually in force.</summary>
    public bool UsesSmallInput => SmallInput ?? InputSize <= SmallInputThreshold;

    /// <summary>Largest input side for which small-input mode is chosen automatically.</summary>
    public const int SmallInputThreshold = 64;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that makes no sense.</summary>
    public ModelOptions Validate()
    {
        if (NumClasses < 1) throw new ArgumentException($"number of classes must be at least 1, got {NumClasses}");
        if (InChannels < 1) throw new ArgumentException($"input channels must be at least 1, got {InChannels}");
        if (InputSize < 8) throw new ArgumentException($"input size must be at least 8 px, got {InputSize}");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"dropout must be in [0, 1), got {Dropout}");
        if (WidthMultiplier is { } width && !(width > 0 && width <= MaxWidthMultiplier))
            throw new ArgumentException($"width multiplier must be in (0, {MaxWidthMultiplier}], got {WidthMultiplier}");
        return this;
    }
}
