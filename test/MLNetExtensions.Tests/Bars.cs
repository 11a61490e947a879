using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// A tiny learnable data set of 16×16 grey images: a bright horizontal bar, a bright vertical bar, or noise only.
/// The classes survive flips and small shifts, so the augmentations cannot make the task unlearnable.
/// </summary>
internal static class Bars
{
    public const int Side = 16;
    public static readonly string[] ClassNames = ["horizontal", "noise", "vertical"];

    /// <summary>Image <paramref name="index"/> of class <paramref name="label"/>, the same every time.</summary>
    public static Image Make(int label, int index)
    {
        var random = new Random(label * 100_003 + index);
        var pixels = new byte[Side * Side];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)random.Next(0, 80);
        var line = random.Next(2, Side - 3);
        for (var a = 0; a < Side; a++)
            for (var b = line; b < line + 2; b++)
            {
                if (ClassNames[label] == "horizontal") pixels[b * Side + a] = 230;
                if (ClassNames[label] == "vertical") pixels[a * Side + b] = 230;
            }
        return new Image(Side, Side, 1, pixels);
    }

    /// <summary>Writes <paramref name="perClass"/> PNGs per class into root/&lt;class&gt;/NNN.png.</summary>
    public static string WriteFolder(string root, int perClass)
    {
        for (var label = 0; label < ClassNames.Length; label++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, ClassNames[label])).FullName;
            for (var i = 0; i < perClass; i++)
                ImageEncoder.SavePng(Make(label, i), Path.Combine(folder, $"{i:D3}.png"));
        }
        return root;
    }
}
