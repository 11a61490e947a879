using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Cli.Data;

/// <summary>
/// A split of an opened data source as an IDataView, lazily: image files become rows of Label and ImagePath (the
/// pipeline reads them with LoadRawImageBytes), in-memory data sets (Fashion-MNIST, CIFAR) rows of Label and a
/// Features vector of C×H×W pixel values in 0..255. The split, limits and class order stay DataSource's.
/// </summary>
internal static class ImageDataViews
{
    /// <summary>Whether <paramref name="dataset"/>'s images live in files (then rows carry paths, not pixels).</summary>
    internal static bool IsFileBacked(IImageDataset dataset) => dataset.Count > 0 && dataset.GetPath(0) is not null;

    internal static IDataView Load(MLContext mlContext, IImageDataset dataset)
    {
        if (IsFileBacked(dataset))
            return mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, dataset.Count)
                .Select(i => new ImagePathRow { Label = dataset.ClassNames[dataset.GetLabel(i)], ImagePath = dataset.GetPath(i)! }));
        var (height, width) = dataset.FixedSize
            ?? throw new ArgumentException("images held in memory must all have one size");
        var schema = SchemaDefinition.Create(typeof(PixelRow));
        schema[ColumnNames.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dataset.Channels, height, width);
        return mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, dataset.Count)
            .Select(i => new PixelRow { Label = dataset.ClassNames[dataset.GetLabel(i)], Features = Planar(dataset.GetImage(i)) }), schema);
    }

    /// <summary>Rows of image files with no label known (what <c>predict</c> classifies).</summary>
    internal static IDataView LoadFiles(MLContext mlContext, IEnumerable<string> paths) =>
        mlContext.Data.LoadFromEnumerable(paths.Select(path => new ImagePathRow { Label = "", ImagePath = path }));

    /// <summary>Interleaved (HWC) bytes to channel-major floats, the layout ML.NET's ExtractPixels writes.</summary>
    private static float[] Planar(Image image)
    {
        var plane = image.Height * image.Width;
        var values = new float[image.Pixels.Length];
        for (var i = 0; i < plane; i++)
            for (var c = 0; c < image.Channels; c++)
                values[c * plane + i] = image.Pixels[i * image.Channels + c];
        return values;
    }

    /// <summary>One image file and its class.</summary>
    internal sealed class ImagePathRow
    {
        public string Label { get; set; } = "";

        public string ImagePath { get; set; } = "";
    }

    /// <summary>One in-memory image and its class.</summary>
    internal sealed class PixelRow
    {
        public string Label { get; set; } = "";

        public float[] Features { get; set; } = [];
    }
}
