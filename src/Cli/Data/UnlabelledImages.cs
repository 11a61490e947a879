using Microsoft.ML;

namespace ModelZoo.Cli.Data;

/// <summary>Image files to classify as rows of the columns a model reads them from, with no label known.</summary>
internal static class UnlabelledImages
{
    /// <summary>One row per path: ImagePath, and an empty Label (a missing key) for the model's MapValueToKey.</summary>
    internal static IDataView LoadFiles(MLContext mlContext, IEnumerable<string> paths) =>
        mlContext.Data.LoadFromEnumerable(paths.Select(path => new UnlabelledImage { ImagePath = path }));

    /// <summary>One image file whose class is to be predicted.</summary>
    private sealed class UnlabelledImage
    {
        public string Label { get; set; } = "";

        public string ImagePath { get; set; } = "";
    }
}
