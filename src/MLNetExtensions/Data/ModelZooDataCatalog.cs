using ModelZoo.MLNetExtensions.Data;
using ModelZoo.Pipelines.Data;

namespace Microsoft.ML;

/// <summary>
/// The zoo's data sets on <c>mlContext.Data</c>, with the columns of ML.NET's image samples. Binary sets (MNIST,
/// Fashion-MNIST, CIFAR) give <c>Label</c>, the class name as text, and <c>Features</c>, a <c>Vector&lt;Single&gt;</c> of
/// C×H×W pixel values in 0..255 with dimensions [C, H, W] (channel-major, as <c>ExtractPixels</c> writes them): after
/// <c>MapValueToKey("Label")</c> they go straight into the zoo's trainers. Files on disk (an image folder, a list file)
/// give <c>ImagePath</c>, absolute, and <c>Label</c>, for <c>LoadRawImageBytes("Image", null, "ImagePath")</c>.
/// </summary>
public static class ModelZooDataCatalog
{
    /// <summary>
    /// Any ModelZoo data set (<see cref="IImageDataset"/>: one of the sets below, a folder, a list, or a split or subset
    /// of one) with the same columns: <c>ImagePath</c> and <c>Label</c> when its images are files, else <c>Label</c>
    /// and <c>Features</c> pixels. Rows keep the data set's order.
    /// </summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="dataset">The examples.</param>
    /// <exception cref="ArgumentException">The images are held in memory and differ in size.</exception>
    public static IDataView LoadImageDataset(this DataOperationsCatalog catalog, IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.HoldsFiles()) return new PixelDataView(dataset);
        return catalog.LoadFromEnumerable(Enumerable.Range(0, dataset.Count)
            .Select(i => new ImageFile { ImagePath = dataset.GetPath(i)!, Label = dataset.ClassNames[dataset.GetLabel(i)] }).ToList());
    }

    /// <summary>Fashion-MNIST: 60,000 training or 10,000 test grey 28×28 images of clothing, 10 classes ("T-shirt/top" ... "Ankle boot").</summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="train">True for the training split, false for the test split.</param>
    /// <param name="directory">The folder with the IDX files, gzipped or not; null is where Debian's package puts them.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is damaged; the message names it.</exception>
    public static IDataView LoadFashionMnist(this DataOperationsCatalog catalog, bool train = true, string? directory = null) =>
        new PixelDataView(FashionMnist.Load(train, directory));

    /// <summary>MNIST: 60,000 training or 10,000 test grey 28×28 handwritten digits, classes "0" to "9".</summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="directory">The folder with the IDX files (train-images-idx3-ubyte ..., gzipped or not).</param>
    /// <param name="train">True for the training split, false for the test split.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is damaged; the message names it.</exception>
    public static IDataView LoadMnist(this DataOperationsCatalog catalog, string directory, bool train = true) =>
        new PixelDataView(Mnist.Load(train, directory));

    /// <summary>CIFAR-10, binary version: 50,000 training or 10,000 test RGB 32×32 images, 10 classes named by batches.meta.txt.</summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="directory">The unpacked cifar-10-batches-bin folder or the folder that holds it.</param>
    /// <param name="train">True for data_batch_1..5.bin, false for test_batch.bin.</param>
    /// <exception cref="DirectoryNotFoundException">Neither folder holds the data set; the message names both.</exception>
    /// <exception cref="InvalidDataException">A file is damaged; the message names it.</exception>
    public static IDataView LoadCifar10(this DataOperationsCatalog catalog, string directory, bool train = true) =>
        new PixelDataView(Cifar10.Load(directory, train));

    /// <summary>CIFAR-100, binary version: 50,000 training or 10,000 test RGB 32×32 images, 100 classes or 20 superclasses.</summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="directory">The unpacked cifar-100-binary folder or the folder that holds it.</param>
    /// <param name="train">True for train.bin, false for test.bin.</param>
    /// <param name="fineLabels">True for the 100 fine classes, false for the 20 coarse superclasses.</param>
    /// <exception cref="DirectoryNotFoundException">Neither folder holds the data set; the message names both.</exception>
    /// <exception cref="InvalidDataException">A file is damaged; the message names it.</exception>
    public static IDataView LoadCifar100(this DataOperationsCatalog catalog, string directory, bool train = true, bool fineLabels = true) =>
        new PixelDataView(Cifar100.Load(directory, train, fineLabels ? Cifar100Labels.Fine : Cifar100Labels.Coarse));

    /// <summary>
    /// Images in one sub-folder per class (torchvision's ImageFolder): a row per image file (.jpg, .jpeg, .png, .bmp, any
    /// depth below its class folder), classes and files in ordinal order, names starting with '.' skipped. Columns
    /// <c>ImagePath</c> (absolute) and <c>Label</c> (the sub-folder's name); nothing is decoded here.
    /// </summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="directory">The folder holding the class folders.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">It has no class folder, or a class folder has no image; the message names it.</exception>
    public static IDataView LoadImageFolder(this DataOperationsCatalog catalog, string directory)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"image folder {directory} does not exist");
        return catalog.LoadImageDataset(new ImageFolderDataset(Path.GetFullPath(directory)));
    }

    /// <summary>
    /// The images a list file names, one "path label" line each (Caffe's and Paddle's train.txt; the label is a class
    /// index after the last whitespace, relative paths are relative to the list file's folder). Columns
    /// <c>ImagePath</c> (absolute) and <c>Label</c>: <paramref name="classNames"/>[index], or the index as text.
    /// </summary>
    /// <param name="catalog">The context's data catalog.</param>
    /// <param name="listFile">The list file.</param>
    /// <param name="classNames">The class names in index order; null names each class by its index.</param>
    /// <exception cref="FileNotFoundException">The list file or an image it names does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">A line is malformed or its label has no class name; the message gives file and line.</exception>
    public static IDataView LoadImageList(this DataOperationsCatalog catalog, string listFile, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!File.Exists(listFile)) throw new FileNotFoundException($"list file {listFile} does not exist", listFile);
        return catalog.LoadImageDataset(new ListFileDataset(listFile, classNames));
    }
}
