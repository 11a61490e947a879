namespace ModelZoo.Pipelines.Data;

/// <summary>MNIST handwritten digits: 60,000 training and 10,000 test grey images of 28×28.</summary>
public static class Mnist
{
    /// <summary>The digits "0" to "9"; label i is digit i.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = [.. Enumerable.Range(0, 10).Select(digit => digit.ToString())];

    /// <summary>Loads the training or test set from the standard IDX files in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">Neither the file nor its .gz version exists.</exception>
    /// <exception cref="InvalidDataException">A header is wrong, the lengths disagree, the gzip data is corrupt, or a label has no class name; the message names the file.</exception>
    public static InMemoryImageDataset Load(bool train, string directory) =>
        IdxDataset.LoadStandardFiles(directory, train, ClassNames);
}
