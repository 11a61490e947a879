using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.Pipelines.Data;

/// <summary>A training and a test set opened from one source, with the normalisation that suits them.</summary>
public sealed record OpenedData(string Source, IImageDataset Train, IImageDataset Test, double[] Mean, double[] Std)
{
    /// <summary>Class names (the training set's).</summary>
    public IReadOnlyList<string> ClassNames => Train.ClassNames;

    /// <summary>The images' own size when they all share one (CIFAR 32, Fashion-MNIST 28), else null.</summary>
    public int? NativeSize => Train.FixedSize is { } size && size.Height == size.Width ? size.Height : null;
}

/// <summary>
/// Opens the data-source strings of the CLI and the API: <c>fashion-mnist</c> (the Debian package's files),
/// <c>fashion-mnist:DIR</c>, <c>mnist:DIR</c>, <c>cifar10:DIR</c>, <c>cifar100:DIR</c>, <c>idx:DIR</c>,
/// <c>folder:DIR</c> (split per class by <c>trainRatio</c> with the seed) and <c>list:TRAIN.txt[,TEST.txt]</c>.
/// </summary>
public static class DataSource
{
    /// <summary>The accepted forms, for error messages and help.</summary>
    public const string Forms = "fashion-mnist, fashion-mnist:DIR, mnist:DIR, cifar10:DIR, cifar100:DIR, idx:DIR, folder:DIR or list:TRAIN.txt[,TEST.txt]";

    /// <summary>Opens <paramref name="source"/>; <paramref name="channels"/> applies to image files (folder, list).</summary>
    public static OpenedData Open(string source, double trainRatio = 0.7, int seed = 1, int channels = 3)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new ArgumentException($"no data source given; expected {Forms}");
        var colon = source.IndexOf(':');
        var kind = (colon < 0 ? source : source[..colon]).Trim().ToLowerInvariant();
        var path = colon < 0 ? null : source[(colon + 1)..].Trim();
        string Required() => string.IsNullOrEmpty(path)
            ? throw new ArgumentException($"data source '{source}' needs a path: {kind}:DIR")
            : path;
        return kind switch
        {
            "fashion-mnist" or "fashionmnist" => Fixed(source, FashionMnist.Load(true, path), FashionMnist.Load(false, path),
                Preprocessing.FashionMnistMean, Preprocessing.FashionMnistStd),
            "mnist" => Fixed(source, Mnist.Load(true, Directory(Required())), Mnist.Load(false, Directory(Required())),
                Preprocessing.MnistMean, Preprocessing.MnistStd),
            "cifar10" => Fixed(source, Cifar10.Load(Directory(Required()), true), Cifar10.Load(Directory(Required()), false),
                Preprocessing.Cifar10Mean, Preprocessing.Cifar10Std),
            "cifar100" => Fixed(source, Cifar100.Load(Directory(Required()), true), Cifar100.Load(Directory(Required()), false),
                Preprocessing.Cifar100Mean, Preprocessing.Cifar100Std),
            "idx" => Fixed(source, IdxDataset.LoadStandardFiles(Directory(Required()), true, Mnist.ClassNames),
                IdxDataset.LoadStandardFiles(Directory(Required()), false, Mnist.ClassNames), [0.5], [0.5]),
            "folder" => Folder(source, Directory(Required()), trainRatio, seed, channels),
            "list" => List(source, Required(), trainRatio, seed, channels),
            _ => throw new ArgumentException($"unknown data source '{source}'; expected {Forms}"),
        };
    }

    private static OpenedData Fixed(string source, IImageDataset train, IImageDataset test, double[] mean, double[] std) =>
        new(source, train, test, mean, std);

    private static OpenedData Folder(string source, string root, double trainRatio, int seed, int channels)
    {
        if (trainRatio is <= 0 or >= 1) throw new ArgumentException($"--split must be between 0 and 1, got {trainRatio}");
        var split = new ImageFolderDataset(root, channels).Split(trainRatio, seed);
        return new OpenedData(source, split.Train, split.Test, Preprocessing.ImageNetMean, Preprocessing.ImageNetStd);
    }

    private static OpenedData List(string source, string paths, double trainRatio, int seed, int channels)
    {
        var files = paths.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (files.Length is 0 or > 2) throw new ArgumentException($"data source '{source}' must be list:TRAIN.txt or list:TRAIN.txt,TEST.txt");
        foreach (var file in files)
            if (!File.Exists(file)) throw new FileNotFoundException($"list file not found: {file}", file);
        var train = new ListFileDataset(files[0], channels: channels);
        if (files.Length == 2)
            return new OpenedData(source, train, new ListFileDataset(files[1], train.ClassNames, channels), Preprocessing.ImageNetMean, Preprocessing.ImageNetStd);
        var split = train.Split(trainRatio, seed);
        return new OpenedData(source, split.Train, split.Test, Preprocessing.ImageNetMean, Preprocessing.ImageNetStd);
    }

    private static string Directory(string path) =>
        System.IO.Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"data directory not found: {path}");
}
