using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions.Data;

/// <summary>
/// A data set held in memory as 8-bit images of one size (MNIST, Fashion-MNIST, CIFAR, and any split or subset of them)
/// as an IDataView with two columns:
/// <c>Label</c>, the class name as text, and <c>Features</c>, a <c>Vector&lt;Single&gt;</c> of C×H×W pixel values in
/// 0..255 with dimensions [C, H, W], channel-major as ML.NET's <c>ExtractPixels</c> writes them. Pixels are converted
/// to floats row by row as a cursor reads them, so 60,000 images cost their bytes in memory, not four times that.
/// Cursors may be shuffled (random access is free); a parallel cursor set is one cursor.
/// </summary>
internal sealed class PixelDataView : IDataView
{
    /// <summary>The label column's name, as in ML.NET's samples.</summary>
    internal const string LabelColumnName = "Label";

    /// <summary>The pixel column's name, the trainers' default feature column.</summary>
    internal const string FeaturesColumnName = "Features";

    private readonly IImageDataset dataset;
    private readonly ReadOnlyMemory<char>[] classNames;

    /// <exception cref="ArgumentException">The images differ in size.</exception>
    internal PixelDataView(IImageDataset dataset)
    {
        this.dataset = dataset;
        classNames = dataset.ClassNames.Select(name => name.AsMemory()).ToArray();
        var (height, width) = dataset.FixedSize ?? throw new ArgumentException("a pixel view needs images of one size; these differ");
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(LabelColumnName, TextDataViewType.Instance);
        schema.AddColumn(FeaturesColumnName, new VectorDataViewType(NumberDataViewType.Single, dataset.Channels, height, width));
        Schema = schema.ToSchema();
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => dataset.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var order = Enumerable.Range(0, dataset.Count).ToArray();
        rand?.Shuffle(order);
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded) active[column.Index] = true;
        return new PixelCursor(this, order, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>A cursor over the examples in <c>order</c>; its row id is the example's index, whatever the order.</summary>
    private sealed class PixelCursor(PixelDataView view, int[] order, bool[] active) : DataViewRowCursor
    {
        private long position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => position;

        public override long Batch => 0;

        private int Example => position >= 0 && position < order.Length
            ? order[position]
            : throw new InvalidOperationException("the cursor is not on a row");

        public override bool MoveNext()
        {
            if (position + 1 < order.Length)
            {
                position++;
                return true;
            }
            position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)Example, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column)) throw new ArgumentException($"column '{column.Name}' was not asked for when the cursor was made", nameof(column));
            Delegate getter = column.Index == 0
                ? (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> label) => label = view.classNames[view.dataset.GetLabel(Example)])
                : (ValueGetter<VBuffer<float>>)ReadPixels;
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}");
        }

        /// <summary>The stored HWC bytes as CHW floats.</summary>
        private void ReadPixels(ref VBuffer<float> destination)
        {
            // Stored pixels are read in place; a subset's come through its images.
            var hwc = view.dataset is InMemoryImageDataset stored ? stored.GetPixels(Example) : view.dataset.GetImage(Example).Pixels;
            var channels = view.dataset.Channels;
            var plane = hwc.Length / channels;
            var editor = VBufferEditor.Create(ref destination, hwc.Length);
            var chw = editor.Values;
            for (var c = 0; c < channels; c++)
                for (var i = 0; i < plane; i++)
                    chw[c * plane + i] = hwc[i * channels + c];
            destination = editor.Commit();
        }
    }
}
