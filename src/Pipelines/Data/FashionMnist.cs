namespace ModelZoo.Pipelines.Data;

/// <summary>Fashion-MNIST (Zalando): 60,000 training and 10,000 test grey 28×28 images of clothing in 10 classes.</summary>
public static class FashionMnist
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names in label order, as the data set's authors list them.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the training or test set from the standard IDX files.</summary>
    /// <param name="train">True for the 60,000 training images, false for the 10,000 test images.</param>
    /// <param name="directory">The folder with the files; null means <see cref="DebianDirectory"/>.</param>
    /// <exception cref="FileNotFoundException">Neither the file nor its .gz version exists.</exception>
    /// <exception cref="InvalidDataException">A header is wrong, the lengths disagree, the gzip data is corrupt, or a label has no class name; the message names the file.</exception>
    public static InMemoryImageDataset Load(bool train, string? directory = null) =>
        IdxDataset.LoadStandardFiles(directory ?? DebianDirectory, train, ClassNames);
}
