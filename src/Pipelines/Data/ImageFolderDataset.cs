using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>
/// Images in one sub-folder per class, like torchvision's ImageFolder: root/&lt;class&gt;/**/&lt;image&gt;.
/// Class names are the sub-folder names in ordinal order, files are in ordinal order of their
/// path, and images are decoded only when asked for, so the data set never sits in memory.
/// Names starting with '.' are skipped (.ipynb_checkpoints, macOS "._" files).
/// </summary>
public sealed class ImageFolderDataset : IImageDataset
{
    private readonly string[] _paths;
    private readonly int[] _labels;

    /// <summary>Lists the class folders and their images; nothing is decoded yet.</summary>
    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="channels">1 to decode as grey, 3 as RGB.</param>
    /// <exception cref="InvalidDataException">There is no class folder, or one holds no image.</exception>
    public ImageFolderDataset(string root, int channels = 3)
    {
        ChannelCount.RequireGreyOrRgb(channels);
        var classFolders = Directory.GetDirectories(root)
            .Where(folder => !IsHidden(Path.GetFileName(folder)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (classFolders.Length == 0) throw new InvalidDataException($"{root}: no class sub-folders");

        List<string> paths = [];
        List<int> labels = [];
        for (var label = 0; label < classFolders.Length; label++)
        {
            var images = ImagesIn(classFolders[label]);
            if (images.Length == 0)
                throw new InvalidDataException(
                    $"{classFolders[label]}: no images ({string.Join(", ", Extensions)}) for class {Path.GetFileName(classFolders[label])}");
            paths.AddRange(images);
            labels.AddRange(Enumerable.Repeat(label, images.Length));
        }

        Root = root;
        Channels = channels;
        ClassNames = [.. classFolders.Select(folder => Path.GetFileName(folder))];
        _paths = [.. paths];
        _labels = [.. labels];
    }

    /// <summary>The file extensions taken as images, compared case-insensitively.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>The folder the data set was read from.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public int Count => _paths.Length;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public (int Height, int Width)? FixedSize => null;

    /// <summary>The image file of example <paramref name="index"/>.</summary>
    public string GetPath(int index) => _paths[index];

    /// <inheritdoc />
    public int GetLabel(int index) => _labels[index];

    /// <inheritdoc />
    public Image GetImage(int index) => ImageDecoder.Decode(_paths[index], Channels);

    private static string[] ImagesIn(string classFolder) =>
        [.. Directory.EnumerateFiles(classFolder, "*", SearchOption.AllDirectories)
            .Where(path => IsImage(path) && !IsHidden(Path.GetRelativePath(classFolder, path)))
            .Order(StringComparer.Ordinal)];

    private static bool IsImage(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
