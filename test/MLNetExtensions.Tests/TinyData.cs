using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>A few <see cref="Bars"/> images in memory, for tests that need data but little training.</summary>
internal static class TinyData
{
    public static InMemoryImageDataset Make(int perClass = 4, int channels = 1)
    {
        var count = perClass * Bars.ClassNames.Length;
        var side = Bars.Side;
        var pixels = new byte[count * side * side * channels];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % Bars.ClassNames.Length;
            var grey = Bars.Make(labels[i], i / Bars.ClassNames.Length).Pixels;
            for (var p = 0; p < grey.Length; p++)
                for (var c = 0; c < channels; c++)
                    pixels[(i * grey.Length + p) * channels + c] = grey[p];
        }
        return new InMemoryImageDataset(pixels, labels, side, side, channels, Bars.ClassNames);
    }
}
