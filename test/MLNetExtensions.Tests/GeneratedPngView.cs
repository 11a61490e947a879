using Microsoft.ML;
using Microsoft.ML.Data;
using SkiaSharp;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Rows made on demand, as a reader of a folder too large for memory makes them: <c>Label</c>, a key of "dark" or
/// "bright" (alternating), and <c>Features</c>, the PNG bytes of a 16×16 image of that brightness, encoded only when
/// a cursor asks for the column. It cannot shuffle and does not know its row count. It counts the images it encodes;
/// the rows in <c>unreadable</c> hold bytes that are no image.
/// </summary>
internal sealed class GeneratedPngView(int rows, params int[] unreadable) : IDataView
{
    internal const int Side = 16;
    private long encoded;

    /// <summary>Rows in the view.</summary>
    public int Rows => rows;

    /// <summary>Images encoded so far, by every cursor.</summary>
    public long Encoded => Interlocked.Read(ref encoded);

    /// <summary>Called with <see cref="Encoded"/> after each image is encoded (on the cursor's thread).</summary>
    public Action<long>? ImageEncoded { get; set; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; } = CreateSchema();

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private static DataViewSchema CreateSchema()
    {
        var names = new DataViewSchema.Annotations.Builder();
        names.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, 2),
            (ref VBuffer<ReadOnlyMemory<char>> values) => values = new VBuffer<ReadOnlyMemory<char>>(2, ["dark".AsMemory(), "bright".AsMemory()]));
        var schema = new DataViewSchema.Builder();
        schema.AddColumn("Label", new KeyDataViewType(typeof(uint), 2), names.ToAnnotations());
        schema.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Byte));
        return schema.ToSchema();
    }

    private byte[] Png(long row)
    {
        if (unreadable.Contains((int)row)) return [1, 2, 3, 4];
        var random = new Random((int)row);
        var low = row % 2 == 0 ? 0 : 170;
        using var bitmap = new SKBitmap(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < Side; y++)
            for (var x = 0; x < Side; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(low + random.Next(85)), (byte)(low + random.Next(85)), (byte)(low + random.Next(85))));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var bytes = png.ToArray();
        var count = Interlocked.Increment(ref encoded);
        ImageEncoded?.Invoke(count);
        return bytes;
    }

    private sealed class Cursor(GeneratedPngView view, HashSet<int> active) : DataViewRowCursor
    {
        private long position = -1;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => position;
        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override bool MoveNext() => ++position < view.Rows;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column)) throw new InvalidOperationException($"column '{column.Name}' is not active");
            Delegate getter = column.Index == 0
                ? (ValueGetter<uint>)((ref uint key) => key = (uint)(position % 2) + 1)
                : (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> bytes) =>
                {
                    var png = view.Png(position);
                    bytes = new VBuffer<byte>(png.Length, png);
                });
            return (ValueGetter<TValue>)getter;
        }
    }
}
