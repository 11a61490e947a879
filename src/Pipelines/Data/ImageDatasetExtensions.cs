namespace ModelZoo.Pipelines.Data;

/// <summary>Operations every <see cref="IImageDataset"/> supports.</summary>
public static class ImageDatasetExtensions
{
    /// <summary>The first <paramref name="count"/> examples (all of them when there are fewer).</summary>
    public static ImageDatasetSubset Take(this IImageDataset dataset, int count)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new ImageDatasetSubset(dataset, Enumerable.Range(0, Math.Min(count, dataset.Count)));
    }

    /// <summary>Examples per class: element i counts label i.</summary>
    public static int[] CountPerClass(this IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var counts = new int[dataset.ClassNames.Count];
        for (var i = 0; i < dataset.Count; i++) counts[dataset.GetLabel(i)]++;
        return counts;
    }

    /// <summary>Whether the examples are image files (paths to read) rather than pixels held in memory.</summary>
    public static bool HoldsFiles(this IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Count == 0 ? dataset.FixedSize is null : dataset.GetPath(0) is not null;
    }
}
