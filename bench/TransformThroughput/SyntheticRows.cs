using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.Bench.TransformThroughput;

/// <summary>A row as ML.NET's image samples hold it after ExtractPixels: a class name and C×H×W pixel values in 0..255.</summary>
internal sealed class PixelRow
{
    public string Label { get; set; } = "";
    public float[] Features { get; set; } = [];
}

/// <summary>Random-pixel rows in memory, so reading them costs what a cached IDataView costs and nothing more.</summary>
internal static class SyntheticRows
{
    /// <summary><paramref name="count"/> rows of two classes, the feature vector typed [C, S, S].</summary>
    public static IDataView Create(MLContext ml, int count, int channels, int size, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(i => new PixelRow
        {
            Label = i % 2 == 0 ? "even" : "odd",
            Features = Enumerable.Range(0, channels * size * size).Select(_ => (float)random.Next(256)).ToArray(),
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(PixelRow));
        schema[nameof(PixelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, channels, size, size);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
