using ModelZoo.Pipelines.Data;

namespace ModelZoo.Cli.Data;

/// <summary>
/// The <c>--bad-images</c> policy for the test images: training skips or stops at unreadable files itself, but ML.NET's
/// evaluation scores every row it is given, so each test file is decoded once here first. Skip leaves unreadable files
/// out and lists them; fail stops with the first, naming it. In-memory data sets have nothing to check.
/// </summary>
internal static class ReadableImages
{
    /// <summary><paramref name="dataset"/> without its unreadable files, which are added to <paramref name="skipped"/>.</summary>
    /// <exception cref="InvalidDataException">With <see cref="BadImagePolicy.Fail"/>: "path: reason" of the first unreadable file.</exception>
    internal static IImageDataset Filter(IImageDataset dataset, BadImagePolicy policy, ICollection<SkippedImage> skipped)
    {
        if (!dataset.HoldsFiles()) return dataset;
        var readable = new List<int>(dataset.Count);
        for (var i = 0; i < dataset.Count; i++)
        {
            try
            {
                // A header can be whole while the pixels after it are cut short: only a full decode tells.
                dataset.GetImage(i);
                readable.Add(i);
            }
            catch (Exception e) when (SkippedImage.IsUnreadable(e))
            {
                var image = SkippedImage.From(dataset, i, e);
                if (policy == BadImagePolicy.Fail) throw new InvalidDataException(image.ToString(), e);
                skipped.Add(image);
            }
        }
        return readable.Count == dataset.Count ? dataset : new ImageDatasetSubset(dataset, readable);
    }
}
