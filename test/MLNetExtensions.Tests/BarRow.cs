using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// A tiny learnable data set as ML.NET rows: 16×16 grey images (256 pixel values in 0..255) of a bright horizontal
/// bar, a bright vertical bar, or noise only, with the class name as the label. Small enough that the tests which
/// train do so in a second or two per epoch with mobilenet_v1_x0_25.
/// </summary>
public sealed class BarRow
{
    public const int Side = 16;
    public static readonly string[] ClassNames = ["horizontal", "noise", "vertical"];

    public string Label { get; set; } = "";

    [VectorType(Side * Side)]
    public float[] Features { get; set; } = [];

    /// <summary>Image <paramref name="index"/> of class <paramref name="label"/>, the same every time.</summary>
    public static BarRow Make(int label, int index)
    {
        var random = new Random(label * 100_003 + index);
        var pixels = new float[Side * Side];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = random.Next(0, 80);
        var line = random.Next(2, Side - 3);
        for (var a = 0; a < Side; a++)
            for (var b = line; b < line + 2; b++)
            {
                if (ClassNames[label] == "horizontal") pixels[b * Side + a] = 230;
                if (ClassNames[label] == "vertical") pixels[a * Side + b] = 230;
            }
        return new BarRow { Label = ClassNames[label], Features = pixels };
    }

    /// <summary><paramref name="perClass"/> rows of each class, the classes interleaved (in <paramref name="classOrder"/>).</summary>
    public static IDataView Load(MLContext ml, int perClass, int[]? classOrder = null) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, perClass)
            .SelectMany(i => (classOrder ?? [0, 1, 2]).Select(label => Make(label, i))).ToList());

    /// <summary>The rows with their label mapped to a key (key values in <see cref="ClassNames"/>' order of first appearance).</summary>
    public static IDataView Keyed(MLContext ml, int perClass) =>
        ml.Transforms.Conversion.MapValueToKey(nameof(Label)).Fit(Load(ml, perClass)).Transform(Load(ml, perClass));

    /// <summary>Options for the smallest useful run: MobileNetV1 ×0.25 at the images' 16 px.</summary>
    public static ImageClassifierTrainer.Options SmallRun(int epochs) => new()
    {
        Architecture = "mobilenet_v1_x0_25",
        Epochs = epochs,
        BatchSize = 16,
        Device = "cpu",
    };
}
