namespace ModelZoo.Pipelines.Data;

/// <summary>
/// Grey images and labels in a pair of IDX files (MNIST, Fashion-MNIST), gzipped or not:
/// images have magic 0x00000803 and dimensions [count, rows, columns], labels 0x00000801 and [count].
/// </summary>
public static class IdxDataset
{
    /// <summary>Loads an images file and a labels file into memory.</summary>
    /// <exception cref="InvalidDataException">A header is wrong, the lengths disagree, the gzip data is corrupt, the images have no pixels, or a label has no class name; the message names the file.</exception>
    public static InMemoryImageDataset Load(string imagesPath, string labelsPath, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        var images = IdxFile.Read(imagesPath, 3);
        var labels = IdxFile.Read(labelsPath, 1);
        var (count, rows, columns) = (images.Dimensions[0], images.Dimensions[1], images.Dimensions[2]);
        if (rows == 0 || columns == 0)
            throw new InvalidDataException($"{imagesPath}: images of {rows}x{columns} pixels have no pixels");
        if (labels.Dimensions[0] != count)
            throw new InvalidDataException($"{labelsPath}: {labels.Dimensions[0]} labels for the {count} images of {imagesPath}");

        var values = new int[count];
        var span = labels.Values.Span;
        for (var i = 0; i < count; i++)
        {
            values[i] = span[i];
            if (values[i] >= classNames.Count)
                throw new InvalidDataException($"{labelsPath}: label {i} is {values[i]}, but there are {classNames.Count} classes");
        }
        return new InMemoryImageDataset(images.Values, values, rows, columns, 1, classNames);
    }

    /// <summary>
    /// Loads the standard file pair from <paramref name="directory"/>: train-images-idx3-ubyte and
    /// train-labels-idx1-ubyte, or t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte for the test
    /// set, each as is or with a .gz suffix.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither the file nor its .gz version exists.</exception>
    /// <exception cref="InvalidDataException">A header is wrong, the lengths disagree, the gzip data is corrupt, or a label has no class name; the message names the file.</exception>
    public static InMemoryImageDataset LoadStandardFiles(string directory, bool train, IReadOnlyList<string> classNames)
    {
        var prefix = train ? "train" : "t10k";
        return Load(
            FindFile(directory, $"{prefix}-images-idx3-ubyte"),
            FindFile(directory, $"{prefix}-labels-idx1-ubyte"),
            classNames);
    }

    private static string FindFile(string directory, string name)
    {
        var plain = Path.Combine(directory, name);
        if (File.Exists(plain)) return plain;
        if (File.Exists(plain + ".gz")) return plain + ".gz";
        throw new FileNotFoundException($"neither {plain} nor {plain}.gz exists", plain);
    }
}
