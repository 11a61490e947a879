using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// A cursor of a <see cref="BatchScoredDataView"/>. Two cursors over the input move in lock-step, as in ML.NET's
/// <c>PerGroupTransformBase</c>: <c>rows</c> serves the input's own columns and the position, and the
/// <see cref="BatchReader"/> runs up to a batch ahead on its own cursor, reading only the image column. Every row's id
/// is checked against the reader's, so an input that gives two cursors different rows fails instead of mislabelling.
/// </summary>
internal sealed class BatchScoredCursor : DataViewRowCursor
{
    private readonly ColumnBindings bindings;
    private readonly bool[] active;
    private readonly DataViewRowCursor rows;
    private readonly BatchReader? reader;
    private readonly ValueGetter<DataViewRowId> getId;
    private readonly Delegate?[] getters;
    private long position = -1;
    private long batchStart;
    private DataViewRowId id;
    private bool disposed;

    internal BatchScoredCursor(ColumnBindings bindings, bool[] active, DataViewRowCursor rows, BatchReader? reader)
    {
        this.bindings = bindings;
        this.active = active;
        this.rows = rows;
        this.reader = reader;
        getId = rows.GetIdGetter();
        getters = bindings.AddedColumnIndices.Select((index, output) => active[index] ? ClassifierOutputs.Getter(output, Current) : null).ToArray();
    }

    public override DataViewSchema Schema => bindings.Schema;

    public override long Position => position;

    public override long Batch => rows.Batch;

    public override bool MoveNext()
    {
        if (!rows.MoveNext())
        {
            position = -1;
            return false;
        }
        position++;
        if (reader is null) return true;
        if (position == batchStart + reader.Count)
        {
            batchStart = position;
            reader.Next();
        }
        var index = (int)(position - batchStart);
        getId(ref id);
        if (index >= reader.Count || !id.Equals(reader.Id(index)))
            throw new InvalidOperationException(
                $"the input gave two cursors different rows at row {position}; the image classifier's batched Transform reads it twice, so it must give the same rows in the same order each time");
        return true;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => getId;

    public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column)) throw new ArgumentException($"column '{column.Name}' was not asked for when the cursor was made", nameof(column));
        var index = bindings.MapColumnIndex(out var fromInput, column.Index);
        if (fromInput) return rows.GetGetter<TValue>(rows.Schema[index]);
        return getters[index] as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}");
    }

    /// <summary>The current row's probabilities, a slice of the current batch's.</summary>
    private ReadOnlyMemory<float> Current()
    {
        if (position < 0) throw new InvalidOperationException("the cursor is not on a row");
        var classes = reader!.Classes;
        return reader.Probabilities.AsMemory((int)(position - batchStart) * classes, classes);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            rows.Dispose();
            reader?.Dispose();
        }
        base.Dispose(disposing);
    }
}
