using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>One Fashion-MNIST example as an ML.NET row: the class name and 784 pixel values in 0..255.</summary>
public sealed class FashionRow
{
    public string Label { get; set; } = "";

    [VectorType(28 * 28)]
    public float[] Features { get; set; } = [];

    /// <summary>The first <paramref name="count"/> examples of a split, as an IDataView.</summary>
    public static IDataView Load(MLContext ml, bool train, int count)
    {
        var data = FashionMnist.Load(train);
        var rows = Enumerable.Range(0, count).Select(i => new FashionRow
        {
            Label = data.ClassNames[data.GetLabel(i)],
            Features = data.GetPixels(i).ToArray().Select(b => (float)b).ToArray(),
        }).ToList();
        return ml.Data.LoadFromEnumerable(rows);
    }
}
