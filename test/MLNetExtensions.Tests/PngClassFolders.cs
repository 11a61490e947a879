using Microsoft.ML;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>A temporary folder of <see cref="Data.PngFolder"/>'s dark and bright PNGs, one folder per class; deleted on Dispose.</summary>
public sealed class PngClassFolders : IDisposable
{
    public const int ImagesPerClass = 24;
    public const int Side = 32;

    /// <summary>A row naming one file: its path relative to <see cref="Root"/> and its folder's name.</summary>
    public sealed class ImageFile
    {
        public string ImagePath { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mlnet-png");

    public PngClassFolders() => Data.PngFolder.Write(folder.FullName, ImagesPerClass, Side);

    /// <summary>The folder holding the class folders.</summary>
    public string Root => folder.FullName;

    /// <summary>One row per PNG file under <see cref="Root"/>, in path order.</summary>
    public IDataView Files(MLContext ml) => ml.Data.LoadFromEnumerable(
        Directory.GetFiles(Root, "*.png", SearchOption.AllDirectories).Order()
            .Select(path => new ImageFile { ImagePath = Path.GetRelativePath(Root, path), Label = Path.GetFileName(Path.GetDirectoryName(path))! })
            .ToList());

    public void Dispose() => folder.Delete(recursive: true);
}
