namespace ModelZoo.Pipelines.Data;

/// <summary>
/// The CIFAR binary format shared by CIFAR-10 and CIFAR-100: fixed-size records of label
/// bytes followed by a 32×32 RGB image stored as three planes (1024 R, 1024 G, 1024 B, each
/// row-major). Planes are interleaved to HWC on load.
/// </summary>
internal static class CifarBinary
{
    internal const int Side = 32;
    private const int PlaneSize = Side * Side;
    private const int ImageSize = 3 * PlaneSize;

    /// <summary>
    /// <paramref name="directory"/> itself when it holds the data set's files, else its
    /// <paramref name="folderName"/> sub-folder (where the archive unpacks).
    /// </summary>
    internal static string Locate(string directory, string folderName, string markerFile)
    {
        if (File.Exists(Path.Combine(directory, markerFile))) return directory;
        var nested = Path.Combine(directory, folderName);
        if (File.Exists(Path.Combine(nested, markerFile))) return nested;
        throw new DirectoryNotFoundException(
            $"neither {directory} nor {nested} holds {markerFile}; expected the unpacked {folderName} folder or its parent");
    }

    /// <summary>Reads every record of <paramref name="files"/> in order.</summary>
    /// <param name="files">Batch files, read in this order.</param>
    /// <param name="labelBytes">Label bytes leading each record (1 for CIFAR-10, 2 for CIFAR-100).</param>
    /// <param name="labelIndex">Which of them is the label to keep.</param>
    /// <param name="classNames">Names; every label must index one.</param>
    internal static InMemoryImageDataset Read(
        IReadOnlyList<string> files, int labelBytes, int labelIndex, IReadOnlyList<string> classNames)
    {
        var recordSize = labelBytes + ImageSize;
        // Sizes first, so the pixel block is allocated once and the batches are read one at a time.
        var recordCounts = files.Select(file => RecordCount(file, recordSize)).ToArray();
        var count = recordCounts.Sum();
        var pixels = new byte[(long)count * ImageSize];
        var labels = new int[count];
        var example = 0;
        for (var f = 0; f < files.Count; f++)
        {
            var content = File.ReadAllBytes(files[f]);
            if (content.Length != (long)recordCounts[f] * recordSize)
                throw new InvalidDataException($"{files[f]}: changed size while being read");
            for (var record = 0; record < recordCounts[f]; record++, example++)
            {
                var bytes = content.AsSpan(record * recordSize, recordSize);
                labels[example] = bytes[labelIndex];
                if (labels[example] >= classNames.Count)
                    throw new InvalidDataException(
                        $"{files[f]}: record {record} has label {labels[example]}, but there are {classNames.Count} classes");
                PlanesToInterleaved(bytes[labelBytes..], pixels.AsSpan(example * ImageSize, ImageSize));
            }
        }
        return new InMemoryImageDataset(pixels, labels, Side, Side, 3, classNames);
    }

    private static int RecordCount(string file, int recordSize)
    {
        var length = new FileInfo(file).Length;
        if (length == 0 || length % recordSize != 0)
            throw new InvalidDataException($"{file}: {length} bytes is not a whole number of {recordSize}-byte CIFAR records");
        return checked((int)(length / recordSize));
    }

    private static void PlanesToInterleaved(ReadOnlySpan<byte> planes, Span<byte> hwc)
    {
        for (var pixel = 0; pixel < PlaneSize; pixel++)
        {
            hwc[3 * pixel] = planes[pixel];
            hwc[3 * pixel + 1] = planes[PlaneSize + pixel];
            hwc[3 * pixel + 2] = planes[2 * PlaneSize + pixel];
        }
    }
}
