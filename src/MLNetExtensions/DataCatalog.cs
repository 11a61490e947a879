using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Loading and splitting image data (<c>ctx.Data</c>), as ML.NET's <c>DataOperationsCatalog</c>. Every view carries
/// the normalisation that suits its source: the data set's own statistics for Fashion-MNIST and CIFAR, ImageNet's
/// for folders and list files of photos.
/// </summary>
public sealed class DataCatalog
{
    private readonly ModelZooContext context;

    internal DataCatalog(ModelZooContext context) => this.context = context;

    /// <summary>Fashion-MNIST's training (60,000) or test (10,000) images, 28×28 grey, 10 classes.</summary>
    /// <param name="train">True for the training set, false for the test set.</param>
    /// <param name="directory">The folder with the IDX files; null means where Debian's package installs them.</param>
    public ImageDataView LoadFashionMnist(bool train, string? directory = null) =>
        new(FashionMnist.Load(train, directory), Preprocessing.FashionMnistMean, Preprocessing.FashionMnistStd);

    /// <summary>CIFAR-10's training (50,000) or test (10,000) images, 32×32 RGB, 10 classes (binary version).</summary>
    /// <param name="directory">The unpacked cifar-10-batches-bin folder, or the folder holding it.</param>
    /// <param name="train">True for the training batches, false for the test batch.</param>
    public ImageDataView LoadCifar10(string directory, bool train) =>
        new(Cifar10.Load(RequireDirectory(directory), train), Preprocessing.Cifar10Mean, Preprocessing.Cifar10Std);

    /// <summary>CIFAR-100's training or test images, 32×32 RGB, with the 100 fine or the 20 coarse labels.</summary>
    /// <param name="directory">The unpacked cifar-100-binary folder, or the folder holding it.</param>
    /// <param name="train">True for train.bin, false for test.bin.</param>
    /// <param name="labels">Fine (100 classes, the default) or coarse (20 superclasses).</param>
    public ImageDataView LoadCifar100(string directory, bool train, Cifar100Labels labels = Cifar100Labels.Fine) =>
        new(Cifar100.Load(RequireDirectory(directory), train, labels), Preprocessing.Cifar100Mean, Preprocessing.Cifar100Std);

    /// <summary>Grey images and labels from a pair of IDX files (MNIST's format), gzipped or not; normalised with mean and std 0.5.</summary>
    /// <param name="imagesPath">The images file (magic 0x00000803).</param>
    /// <param name="labelsPath">The labels file (magic 0x00000801).</param>
    /// <param name="classNames">Class names in label order; null names the ten digits "0" to "9".</param>
    public ImageDataView LoadIdx(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null) =>
        new(IdxDataset.Load(RequireFile(imagesPath), RequireFile(labelsPath), classNames ?? Mnist.ClassNames), [0.5], [0.5]);

    /// <summary>
    /// Images in one sub-folder per class (torchvision's ImageFolder), decoded when needed; ImageNet normalisation.
    /// Class names are the sub-folder names in ordinal order.
    /// </summary>
    /// <param name="path">The folder holding one sub-folder per class.</param>
    /// <param name="channels">3 to decode as RGB (the default), 1 as grey.</param>
    public ImageDataView LoadFromImageFolder(string path, int channels = 3) =>
        new(new ImageFolderDataset(RequireDirectory(path), channels), Preprocessing.ImageNetMean, Preprocessing.ImageNetStd);

    /// <summary>
    /// The images a list file names, one "path label" line each (Paddle's and Caffe's train.txt), decoded when
    /// needed; ImageNet normalisation.
    /// </summary>
    /// <param name="path">The list file; relative image paths are relative to its folder.</param>
    /// <param name="classNames">Class names in label order; null names class i "i".</param>
    /// <param name="channels">3 to decode as RGB (the default), 1 as grey.</param>
    public ImageDataView LoadFromListFile(string path, IReadOnlyList<string>? classNames = null, int channels = 3) =>
        new(new ListFileDataset(RequireFile(path), classNames, channels), Preprocessing.ImageNetMean, Preprocessing.ImageNetStd);

    /// <summary>Any <see cref="IImageDataset"/> (in memory, generated, your own format) with the normalisation to use.</summary>
    /// <param name="dataset">The images and labels.</param>
    /// <param name="mean">Per-channel mean of the 0..1 pixel values; null is 0.5 per channel.</param>
    /// <param name="std">Per-channel standard deviation of the 0..1 pixel values; null is 0.5 per channel.</param>
    public ImageDataView LoadFromDataset(IImageDataset dataset, double[]? mean = null, double[]? std = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var half = Enumerable.Repeat(0.5, dataset.Channels).ToArray();
        return new ImageDataView(dataset, mean ?? half, std ?? half);
    }

    /// <summary>The first <paramref name="count"/> rows of <paramref name="data"/>, as ML.NET's <c>TakeRows</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ImageDataView TakeRows(IDataView data, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ImageDataView.Require(data, nameof(data)).Take(count);
    }

    /// <summary>
    /// Splits <paramref name="data"/> class by class, so both parts keep the class proportions: of each class's n
    /// examples, round(n × <paramref name="testFraction"/>) go to the test set. The same seed gives the same split.
    /// </summary>
    /// <param name="data">Image data from this catalog.</param>
    /// <param name="testFraction">Fraction of each class held out, in (0, 1). ModelZoo's CLI default (ML.NET's is 0.1).</param>
    /// <param name="seed">Seed of the shuffle; null uses the context's seed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is outside (0, 1).</exception>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.3, int? seed = null)
    {
        var view = ImageDataView.Require(data, nameof(data));
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "the test fraction must be between 0 and 1 (exclusive)");
        var split = view.Dataset.Split(1 - testFraction, seed ?? context.Seed);
        return new TrainTestData(view.WithDataset(split.Train), view.WithDataset(split.Test));
    }

    private static string RequireDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"data directory not found: {path}");
    }

    private static string RequireFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path) ? path : throw new FileNotFoundException($"file not found: {path}", path);
    }
}
