namespace ModelZoo.Pipelines.Data;

/// <summary>Which of CIFAR-100's two labels to use.</summary>
public enum Cifar100Labels
{
    /// <summary>The 100 classes (fine_label_names.txt).</summary>
    Fine,

    /// <summary>The 20 superclasses (coarse_label_names.txt).</summary>
    Coarse,
}

/// <summary>
/// CIFAR-100, binary version (cifar-100-binary.tar.gz): 50,000 training and 10,000 test RGB
/// images of 32×32. Records are a coarse label byte, a fine label byte and 3072 pixel bytes.
/// </summary>
public static class Cifar100
{
    /// <summary>The folder the archive unpacks to.</summary>
    public const string FolderName = "cifar-100-binary";

    /// <summary>Loads train.bin or test.bin into memory with the fine (default) or coarse labels.</summary>
    /// <param name="directory"><see cref="FolderName"/> itself or the folder that holds it.</param>
    /// <param name="train">True for train.bin, false for test.bin.</param>
    /// <param name="labels">Fine (100 classes) or coarse (20 superclasses).</param>
    /// <exception cref="InvalidDataException">A file is not in the CIFAR-100 binary layout.</exception>
    public static InMemoryImageDataset Load(string directory, bool train, Cifar100Labels labels = Cifar100Labels.Fine)
    {
        var (namesFile, classCount, labelIndex) = labels switch
        {
            Cifar100Labels.Fine => ("fine_label_names.txt", 100, 1),
            Cifar100Labels.Coarse => ("coarse_label_names.txt", 20, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(labels), labels, null),
        };
        var folder = CifarBinary.Locate(directory, FolderName, namesFile);
        var classNames = ClassNamesFile.Read(Path.Combine(folder, namesFile), classCount);
        var batch = Path.Combine(folder, train ? "train.bin" : "test.bin");
        return CifarBinary.Read([batch], 2, labelIndex, classNames);
    }
}
