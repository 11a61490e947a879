using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.MLNetExtensions.Transforms;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Image transforms and architecture estimators (<c>ctx.Transforms</c>). Image transforms set what the classifier
/// after them trains with: <see cref="ResizeImages"/> and <see cref="NormalizeImages"/> at training and prediction
/// time, the random ones (augmentations) only while training.
/// </summary>
public sealed class TransformsCatalog
{
    private readonly ModelZooContext context;

    internal TransformsCatalog(ModelZooContext context) => this.context = context;

    /// <summary>Resize images to <paramref name="size"/> × <paramref name="size"/> (bilinear, antialiased; other shapes are center-cropped).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 8.</exception>
    public ImageEstimator ResizeImages(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        return new ImageEstimator(new ResizeImagesOperation(size));
    }

    /// <summary>Normalise each channel to (x / 255 − mean) / std; null values take the data source's defaults.</summary>
    /// <param name="mean">Per-channel mean of the 0..1 pixel values (one value applies to every channel), or null.</param>
    /// <param name="std">Per-channel standard deviation of the 0..1 pixel values, or null.</param>
    /// <exception cref="ArgumentException">Only one of the two is given, their lengths differ, or a std is not positive.</exception>
    public ImageEstimator NormalizeImages(double[]? mean = null, double[]? std = null)
    {
        if ((mean is null) != (std is null)) throw new ArgumentException("give both mean and std, or neither (the data's defaults)");
        if (mean is not null) ImageDataView.CheckNormalization(mean, std);
        return new ImageEstimator(new NormalizeImagesOperation(mean?.ToArray(), std?.ToArray()));
    }

    /// <summary>Random crop back to the input size after zero padding (training only; 4 is the CIFAR recipe).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="padding"/> is less than 1.</exception>
    public ImageEstimator RandomCrop(int padding = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(padding, 1);
        return new ImageEstimator(new RandomCropOperation(padding));
    }

    /// <summary>Mirror images left-right with probability 0.5 (training only).</summary>
    public ImageEstimator RandomHorizontalFlip() => new(new RandomHorizontalFlipOperation());

    /// <summary>Mirror images top-bottom with probability 0.5 (training only).</summary>
    public ImageEstimator RandomVerticalFlip() => new(new RandomVerticalFlipOperation());

    /// <summary>Erase a random rectangle (2–33% of the area) with probability <paramref name="probability"/> (training only).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside (0, 1].</exception>
    public ImageEstimator RandomErasing(double probability = 0.25)
    {
        if (!(probability > 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "the erasing probability must be in (0, 1]");
        return new ImageEstimator(new RandomErasingOperation(probability));
    }

    /// <summary>ShuffleNetV1 with <paramref name="groups"/> groups at <paramref name="width"/>, e.g. <c>shufflenet_v1_g3_x1_0</c>.</summary>
    /// <param name="groups">1, 2, 3, 4 or 8.</param>
    /// <param name="width">0.5, 1.0, 1.5 or 2.0.</param>
    /// <param name="epochs">Passes over the training set.</param>
    /// <param name="batchSize">Examples per optimizer step.</param>
    /// <param name="learningRate">Peak learning rate; null is the optimizer's default (0.05 for SGD).</param>
    /// <exception cref="ArgumentException">The combination names no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer ShuffleNet(int groups = 3, double width = 1.0, int epochs = 10, int batchSize = 64, double? learningRate = null) =>
        ShuffleNet(new ShuffleNetOptions { Groups = groups, Width = width, Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate });

    /// <summary>ShuffleNetV1 configured by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options name no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer ShuffleNet(ShuffleNetOptions options) => new(context, options);

    /// <summary>SqueezeNet <paramref name="version"/>, e.g. <c>squeezenet1_1</c>.</summary>
    /// <param name="version">"1_1", "1_0", "1_0_simple_bypass" or "1_0_complex_bypass" ("1.1" works too).</param>
    /// <param name="epochs">Passes over the training set.</param>
    /// <param name="batchSize">Examples per optimizer step.</param>
    /// <param name="learningRate">Peak learning rate; null is the optimizer's default (0.05 for SGD).</param>
    /// <exception cref="ArgumentException">The version names no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer SqueezeNet(string version = "1_1", int epochs = 10, int batchSize = 64, double? learningRate = null) =>
        SqueezeNet(new SqueezeNetOptions { Version = version, Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate });

    /// <summary>SqueezeNet configured by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options name no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer SqueezeNet(SqueezeNetOptions options) => new(context, options);

    /// <summary>MobileNet V1, V2 or V3: <c>mobilenet_v1_x0_5</c>, <c>mobilenet_v2</c>, <c>mobilenet_v3_small</c>, …</summary>
    /// <param name="version">1, 2 or 3.</param>
    /// <param name="variant">For version 3, "small" or "large" (null is "large").</param>
    /// <param name="width">Width multiplier: 1.0, 0.75, 0.5 or 0.25 for version 1; any positive value for 2 and 3.</param>
    /// <param name="epochs">Passes over the training set.</param>
    /// <param name="batchSize">Examples per optimizer step.</param>
    /// <param name="learningRate">Peak learning rate; null is the optimizer's default (0.05 for SGD).</param>
    /// <exception cref="ArgumentException">The combination names no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer MobileNet(int version = 2, string? variant = null, double width = 1.0, int epochs = 10, int batchSize = 64, double? learningRate = null) =>
        MobileNet(new MobileNetOptions { Version = version, Variant = variant, Width = width, Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate });

    /// <summary>MobileNet configured by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options name no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer MobileNet(MobileNetOptions options) => new(context, options);

    /// <summary>SENet (SE-ResNet) of <paramref name="depth"/> layers, e.g. <c>se_resnet18</c>.</summary>
    /// <param name="depth">18, 34 or 50.</param>
    /// <param name="epochs">Passes over the training set.</param>
    /// <param name="batchSize">Examples per optimizer step.</param>
    /// <param name="learningRate">Peak learning rate; null is the optimizer's default (0.05 for SGD).</param>
    /// <exception cref="ArgumentException">The depth names no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer SENet(int depth = 18, int epochs = 10, int batchSize = 64, double? learningRate = null) =>
        SENet(new SENetOptions { Depth = depth, Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate });

    /// <summary>SENet configured by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options name no architecture in the zoo, or a value is out of range.</exception>
    public ImageClassificationTrainer SENet(SENetOptions options) => new(context, options);
}
