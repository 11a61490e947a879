using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;
using ModelZoo.Cli.Data;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Cli.Models;

/// <summary>
/// Rows in the form a saved model reads them: its input schema says whether it takes image files (an ImagePath
/// column, read by the model's own LoadRawImageBytes) or pixel vectors (a Features column of C×H×W values).
/// </summary>
internal static class ModelInputs
{
    /// <summary>Whether the model reads image files by path.</summary>
    internal static bool ReadsFiles(DataViewSchema inputSchema) => inputSchema.GetColumnOrNull(ColumnNames.ImagePath) is not null;

    /// <summary>A labelled data set for evaluation.</summary>
    /// <exception cref="ArgumentException">The model reads image files and the data set is held in memory, or the other way round.</exception>
    internal static IDataView ForDataset(MLContext mlContext, DataViewSchema inputSchema, IImageDataset dataset, string source)
    {
        var files = dataset.HoldsFiles();
        if (files != ReadsFiles(inputSchema))
            throw new ArgumentException(files
                ? $"the model was trained on pixel vectors, not image files; data source '{source}' holds image files"
                : $"the model reads image files; data source '{source}' holds images in memory");
        return mlContext.Data.LoadImageDataset(dataset);
    }

    /// <summary>
    /// Image files to classify, each checked to decode. A model trained on pixel vectors gets them through ML.NET's own image transforms:
    /// each image resized to the training size and, for grey models, turned grey, then its pixels extracted.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not a readable image; the message names it.</exception>
    internal static IDataView ForFiles(MLContext mlContext, DataViewSchema inputSchema, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"image not found: {path}", path);
            // Scoring reads rows on ML.NET's worker threads, whose errors name neither the row nor the file: a
            // file that cannot be decoded is named here, before any row is scored.
            ImageDecoder.Decode(path, channels: 3);
        }
        var files = UnlabelledImages.LoadFiles(mlContext, paths);
        if (ReadsFiles(inputSchema)) return files;
        var features = inputSchema.GetColumnOrNull(ColumnNames.Features)?.Type as VectorDataViewType;
        if (features is not { Dimensions.Length: 3 } || features.ItemType != NumberDataViewType.Single)
            throw new ArgumentException($"the model reads a '{ColumnNames.Features}' column of type {features?.ToString() ?? "none"}, not images this command can make");
        var (channels, height, width) = ((int)features.Dimensions[0], (int)features.Dimensions[1], (int)features.Dimensions[2]);
        const string image = "Image";
        var steps = mlContext.Transforms.LoadImages(image, imageFolder: null, inputColumnName: ColumnNames.ImagePath)
            .Append(mlContext.Transforms.ResizeImages(image, width, height));
        var pixels = channels == 1
            // A grey image has equal red, green and blue: one of them is the grey value.
            ? steps.Append(mlContext.Transforms.ConvertToGrayscale(image))
                .Append(mlContext.Transforms.ExtractPixels(ColumnNames.Features, image, ImagePixelExtractingEstimator.ColorBits.Red))
            : steps.Append(mlContext.Transforms.ExtractPixels(ColumnNames.Features, image));
        return pixels.Fit(files).Transform(files);
    }
}
