using Microsoft.ML;
using ModelZoo.Cli.Data;

namespace ModelZoo.Cli.Comparison;

/// <summary>
/// A fitted pipeline's answer for each test row as class indices, read from the same Label and PredictedLabel columns
/// ML.NET's evaluator counts, so the rows found for a confusion-matrix cell are exactly the rows counted in it.
/// </summary>
internal static class TestPredictions
{
    /// <summary>
    /// The (actual, predicted) class of each row of <paramref name="scored"/> in order, indices into
    /// <paramref name="classNames"/> (the key order of the pipeline's Label). Lazy: rows are scored only as far as they are
    /// read. A row without a label (key 0) comes back with actual −1, which no confusion-matrix cell has.
    /// </summary>
    internal static IEnumerable<(int Actual, int Predicted)> Read(IDataView scored, IReadOnlyList<string> classNames)
    {
        var classIndex = classNames.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var labelColumn = scored.Schema[ColumnNames.Label];
        var predictedColumn = scored.Schema[ColumnNames.PredictedLabel];
        using var cursor = scored.GetRowCursor([labelColumn, predictedColumn]);
        var getLabel = cursor.GetGetter<uint>(labelColumn);
        var getPredicted = cursor.GetGetter<ReadOnlyMemory<char>>(predictedColumn);
        uint label = 0;
        ReadOnlyMemory<char> predicted = default;
        while (cursor.MoveNext())
        {
            getLabel(ref label);
            getPredicted(ref predicted);
            // ML.NET keys count from 1.
            yield return ((int)label - 1, classIndex[predicted.ToString()]);
        }
    }
}
