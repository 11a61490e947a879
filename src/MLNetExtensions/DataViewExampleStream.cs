using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The labelled rows of an IDataView as an <see cref="IExampleStream"/>: every pass opens a cursor of its own, so
/// training holds only the rows read ahead, never the data set. A shuffled pass uses ML.NET's random cursor where the
/// data can shuffle, and otherwise a pool (<see cref="PoolShuffle"/>), ShuffleRows' way: ML.NET's RowShufflingTransformer
/// drops columns it cannot cache, MLImage among them, so one pool over the copied rows serves every image column.
/// Rows whose key is 0 (missing) are passed over.
/// </summary>
internal sealed class DataViewExampleStream : IExampleStream
{
    private readonly IHost host;
    private readonly IDataView input;
    private readonly DataViewSchema.Column label;
    private readonly DataViewSchema.Column feature;
    private readonly DataViewSchema.Column? path;
    private readonly ImageInput imageInput;
    private readonly int poolRows;
    // Rows a validation hold-out set apart: this stream reads only the listed rows (keep) or all but them.
    private (IReadOnlySet<DataViewRowId> Rows, bool Keep)? restriction;

    private DataViewExampleStream(IHost host, IDataView input, DataViewSchema.Column label, DataViewSchema.Column feature,
        DataViewSchema.Column? path, ImageInput imageInput, IReadOnlyList<string> classNames, int poolRows, int count)
    {
        this.host = host;
        this.input = input;
        this.label = label;
        this.feature = feature;
        this.path = path;
        this.imageInput = imageInput;
        this.poolRows = poolRows;
        ClassNames = classNames;
        Count = count;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int Channels => imageInput.Channels;

    /// <inheritdoc />
    public (int Height, int Width)? FixedSize => imageInput.Kind == ImageInputKind.Pixels ? (imageInput.Height, imageInput.Width) : null;

    /// <summary>
    /// Counts the labelled rows in one cursor pass over the label alone (ML.NET computes only the columns a cursor asks
    /// for, so no image file is read); pixel vectors are read too, cheaply, to refuse values scaled to 0..1.
    /// </summary>
    /// <exception cref="ArgumentException">The path column is missing or not text, the pool is empty, no row has a
    /// label, or every pixel value lies in 0..1.</exception>
    internal static DataViewExampleStream Open(IHost host, IDataView input, ImageClassifierTrainer.Options options,
        ImageInput imageInput, IReadOnlyList<string> classNames, IChannel channel, string role = "the training data")
    {
        var label = input.Schema[options.LabelColumnName];
        var feature = input.Schema[options.FeatureColumnName];
        var path = options.ImagePathColumnName is { } pathName ? PathColumn(input.Schema, pathName) : (DataViewSchema.Column?)null;
        if (options.ShufflePoolRows < 1)
            throw new ArgumentException($"the shuffle pool must hold at least 1 row, got {options.ShufflePoolRows}");

        var pixels = imageInput.Kind == ImageInputKind.Pixels;
        long count = 0, unlabelled = 0;
        var largest = 0f;
        using (var cursor = input.GetRowCursor(pixels ? [label, feature] : [label]))
        {
            var getLabel = cursor.GetGetter<uint>(label);
            var getPixels = pixels ? cursor.GetGetter<VBuffer<float>>(feature) : null;
            uint key = 0;
            VBuffer<float> values = default;
            while (cursor.MoveNext())
            {
                host.CheckAlive();
                getLabel(ref key);
                if (key == 0)
                {
                    unlabelled++;
                    continue;
                }
                count++;
                if (getPixels is null) continue;
                getPixels(ref values);
                foreach (var value in values.GetValues()) largest = Math.Max(largest, value);
            }
        }
        if (unlabelled > 0) channel.Warning($"{unlabelled} rows of {role} without a label (missing key) are left out");
        if (count == 0) throw new ArgumentException($"no row of {role} has a label in column '{label.Name}'");
        if (pixels && largest <= 1)
            throw new ArgumentException(
                $"every value of feature column '{feature.Name}' lies in 0..1; the image classifier takes pixel values in 0..{ImageInput.MaxPixelValue} (scale them by {ImageInput.MaxPixelValue})");
        if (count > int.MaxValue) throw new ArgumentException($"{count} labelled rows are more than the trainer counts ({int.MaxValue})");
        return new DataViewExampleStream(host, input, label, feature, path, imageInput, classNames, options.ShufflePoolRows, (int)count);
    }

    private static DataViewSchema.Column PathColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"the input has no image path column '{name}'");
        if (column.Type is not TextDataViewType)
            throw new ArgumentException($"image path column '{name}' has type {column.Type}; it must be text (the image file's path)");
        return column;
    }

    /// <inheritdoc />
    public IEnumerable<StreamedExample> Read(int? shuffleSeed)
    {
        if (shuffleSeed is not int seed) return ReadRows(random: null);
        return input.CanShuffle ? ReadRows(new Random(seed)) : PoolShuffle.Shuffle(ReadRows(random: null), poolRows, new Random(seed));
    }

    private IEnumerable<StreamedExample> ReadRows(Random? random)
    {
        using var cursor = input.GetRowCursor(path is { } file ? [label, feature, file] : [label, feature], random);
        var getLabel = cursor.GetGetter<uint>(label);
        var getId = cursor.GetIdGetter();
        var getPath = path is { } column ? cursor.GetGetter<ReadOnlyMemory<char>>(column) : null;
        var copyImage = imageInput.CreateCopier(cursor, feature.Index);
        uint key = 0;
        DataViewRowId id = default;
        ReadOnlyMemory<char> pathValue = default;
        while (cursor.MoveNext())
        {
            host.CheckAlive();
            getLabel(ref key);
            if (key == 0) continue;
            getId(ref id);
            if (restriction is var (rows, keep) && rows.Contains(id) != keep) continue;
            string source;
            if (getPath is not null)
            {
                getPath(ref pathValue);
                source = pathValue.ToString();
            }
            else
            {
                // The row's id, not the cursor's position: a shuffled cursor's position is its place in the new order.
                // ML.NET's in-memory views set a row's id to its index.
                source = $"row {(id.High == 0 ? id.Low.ToString(CultureInfo.InvariantCulture) : id.ToString())} of column '{feature.Name}'";
            }
            yield return new StreamedExample((int)key - 1, source, copyImage(source));
        }
    }

    /// <summary>
    /// The same rows less (<paramref name="keep"/> false) or only (true) those with the given ids; ids are stable across
    /// cursors of one data view, shuffled or not, so every pass sees the same rows.
    /// </summary>
    internal DataViewExampleStream Restrict(IReadOnlySet<DataViewRowId> rows, bool keep) =>
        new(host, input, label, feature, path, imageInput, ClassNames, poolRows, keep ? rows.Count : Count - rows.Count)
        {
            restriction = (rows, keep),
        };

    /// <summary>Every labelled row's id and 0-based class, in one pass over the label column alone (no image is read).</summary>
    internal List<(DataViewRowId Id, int Label)> LabelledRows()
    {
        var rows = new List<(DataViewRowId, int)>(Count);
        using var cursor = input.GetRowCursor([label]);
        var getLabel = cursor.GetGetter<uint>(label);
        var getId = cursor.GetIdGetter();
        uint key = 0;
        DataViewRowId id = default;
        while (cursor.MoveNext())
        {
            host.CheckAlive();
            getLabel(ref key);
            if (key == 0) continue;
            getId(ref id);
            rows.Add((id, (int)key - 1));
        }
        return rows;
    }

    /// <summary>
    /// Every example decoded into memory, in stored order, for validation (the engine validates on a data set it can
    /// index). Unreadable images are left out under <see cref="BadImagePolicy.Skip"/> and named in a warning.
    /// </summary>
    internal LabelledImages ReadIntoMemory(BadImagePolicy policy, IChannel channel, string role)
    {
        var images = new List<Pipelines.Imaging.Image>(Count);
        var labels = new List<int>(Count);
        foreach (var example in Read(shuffleSeed: null))
        {
            try
            {
                images.Add(example.Decode());
                labels.Add(example.Label);
            }
            catch (Exception e) when (policy == BadImagePolicy.Skip && SkippedImage.IsUnreadable(e))
            {
                channel.Warning($"{role}: {example.Source} cannot be read and is left out ({e.Message})");
            }
        }
        if (images.Count == 0) throw new InvalidDataException($"no image of {role} can be read");
        return new LabelledImages(images, labels, ClassNames, Channels);
    }
}
