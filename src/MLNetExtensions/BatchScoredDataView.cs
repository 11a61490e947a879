using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// What <see cref="ImageClassifierTransformer.Transform"/> returns: the input's rows with <c>Score</c> and
/// <c>PredictedLabel</c> added, scored a batch of images per forward pass rather than one row at a time. Same
/// schema, row order and values as the row mapper's view (ML.NET's <c>RowToRowMapperTransform</c>); the
/// two-cursor scheme is ML.NET's own <c>PerGroupTransformBase</c>'s (see <see cref="BatchScoredCursor"/>).
/// </summary>
/// <remarks>
/// It does not shuffle and gives one cursor where a parallel set is asked for: the two cursors must see the input's
/// rows in the same order, which only an unshuffled single cursor promises, and one forward pass already keeps
/// every libtorch thread busy. <c>ShuffleRows</c> on top of it shuffles, as it does for any view that cannot.
/// </remarks>
internal sealed class BatchScoredDataView : IDataView
{
    private readonly ImageClassifierTransformer classifier;
    private readonly IHost host;
    private readonly IDataView source;
    private readonly ColumnBindings bindings;
    private readonly int featureColumn;
    private readonly int batchSize;

    internal BatchScoredDataView(ImageClassifierTransformer classifier, IHost host, IDataView source, int batchSize)
    {
        this.classifier = classifier;
        this.host = host;
        this.source = source;
        this.batchSize = batchSize;
        featureColumn = classifier.Input.FindColumn(source.Schema, classifier.FeatureColumnName);
        bindings = new ColumnBindings(source.Schema, ClassifierOutputs.Columns(classifier, source.Schema));
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => bindings.Schema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        host.CheckValue(columnsNeeded, nameof(columnsNeeded));
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded)
        {
            if (column.Index >= Schema.Count || Schema[column.Index].Name != column.Name)
                throw new ArgumentException($"column '{column.Name}' is not a column of the scored view", nameof(columnsNeeded));
            active[column.Index] = true;
        }
        var activeInput = bindings.GetActiveInput(index => active[index]);
        var rows = source.GetRowCursor(source.Schema.Where(c => activeInput[c.Index]));
        if (!bindings.AddedColumnIndices.Any(index => active[index]))
            return new BatchScoredCursor(bindings, active, rows, null);
        try
        {
            var lookAhead = source.GetRowCursor([source.Schema[featureColumn]]);
            return new BatchScoredCursor(bindings, active, rows, new BatchReader(classifier, host, lookAhead, featureColumn, batchSize));
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
