namespace ModelZoo.Pipelines.Data;

/// <summary>
/// CIFAR-10, binary version (cifar-10-binary.tar.gz): 50,000 training and 10,000 test RGB
/// images of 32×32 in 10 classes. Records are one label byte and 3072 pixel bytes.
/// </summary>
public static class Cifar10
{
    /// <summary>The folder the archive unpacks to.</summary>
    public const string FolderName = "cifar-10-batches-bin";

    /// <summary>
    /// Loads data_batch_1..5.bin (train) or test_batch.bin (test) into memory, with the class
    /// names of batches.meta.txt.
    /// </summary>
    /// <param name="directory"><see cref="FolderName"/> itself or the folder that holds it.</param>
    /// <param name="train">True for the training batches, false for the test batch.</param>
    /// <exception cref="InvalidDataException">A file is not in the CIFAR-10 binary layout.</exception>
    public static InMemoryImageDataset Load(string directory, bool train)
    {
        const string classNamesFile = "batches.meta.txt";
        var folder = CifarBinary.Locate(directory, FolderName, classNamesFile);
        var classNames = ClassNamesFile.Read(Path.Combine(folder, classNamesFile), 10);
        string[] batches = train
            ? [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")]
            : ["test_batch.bin"];
        return CifarBinary.Read([.. batches.Select(batch => Path.Combine(folder, batch))], 1, 0, classNames);
    }
}
