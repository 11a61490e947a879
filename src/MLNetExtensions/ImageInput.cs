using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>How a feature column holds its images.</summary>
public enum ImageInputKind
{
    /// <summary>
    /// A known-size <c>Vector&lt;Single&gt;</c> of C×H×W pixel values in 0..255, channel-major (all of channel 0, then
    /// channel 1, ...) as ML.NET's <c>ExtractPixels</c> writes them with its default settings; values are rounded to bytes.
    /// </summary>
    Pixels = 0,

    /// <summary>A <c>Vector&lt;Byte&gt;</c> of encoded image file bytes (PNG, JPEG, BMP), as <c>LoadRawImageBytes</c> gives.</summary>
    EncodedBytes = 1,

    /// <summary>
    /// ML.NET's image type (<see cref="MLImage"/>), as <c>LoadImages</c> gives. A model trained on it also scores encoded
    /// bytes, and one trained on bytes scores images: both are decoded images by the time the network sees them.
    /// </summary>
    MLImage = 2,
}

/// <summary>
/// The feature column's kind and, for pixel vectors, the image shape. Saved with the model, so scoring reads a row
/// exactly as training did.
/// </summary>
internal sealed record ImageInput(ImageInputKind Kind, int Height, int Width, int Channels)
{
    private const string Accepted =
        "a Vector<Byte> of encoded image bytes (LoadRawImageBytes), an Image (MLImage, from LoadImages), " +
        "or a known-size Vector<Single> of C×H×W pixel values in 0..255 (channel-major, as ExtractPixels writes them; " +
        "the options' ImageHeight, ImageWidth and ImageChannels give the shape when it is not a square)";

    /// <summary>The largest pixel value a <see cref="ImageInputKind.Pixels"/> column holds.</summary>
    internal const float MaxPixelValue = 255;

    /// <summary>Checks a column of a schema shape (before data is seen).</summary>
    /// <exception cref="ArgumentException">The column holds neither kind; the message names it and its type.</exception>
    internal static void CheckShape(SchemaShape.Column column)
    {
        var pixels = column.Kind == SchemaShape.Column.VectorKind.Vector && column.ItemType == NumberDataViewType.Single;
        var encoded = column.Kind != SchemaShape.Column.VectorKind.Scalar && column.ItemType == NumberDataViewType.Byte;
        var image = column.Kind == SchemaShape.Column.VectorKind.Scalar && column.ItemType is ImageDataViewType;
        if (!pixels && !encoded && !image || column.IsKey)
            throw new ArgumentException($"feature column '{column.Name}' has type {column.GetTypeString()}; the image classifier takes {Accepted}");
    }

    /// <summary>The input a column holds; a flat pixel vector's shape comes from the options, its dimensions or a square side.</summary>
    /// <exception cref="ArgumentException">The column holds neither kind, or the pixel vector's shape cannot be worked out.</exception>
    internal static ImageInput FromColumn(DataViewSchema.Column column, int? height, int? width, int? channels)
    {
        if (column.Type is VectorDataViewType { ItemType: var item } && item == NumberDataViewType.Byte)
            return new ImageInput(ImageInputKind.EncodedBytes, 0, 0, channels ?? 3);
        if (column.Type is ImageDataViewType)
            return new ImageInput(ImageInputKind.MLImage, 0, 0, channels ?? 3);
        if (column.Type is not VectorDataViewType { IsKnownSize: true } pixels || pixels.ItemType != NumberDataViewType.Single)
            throw new ArgumentException($"feature column '{column.Name}' has type {column.Type}; the image classifier takes {Accepted}");

        var size = pixels.Size;
        var shape = (height, width, channels) switch
        {
            (int h, int w, var c) => (h, w, c ?? size / (h * w)),
            _ when pixels.Dimensions.Length == 3 => ((int)pixels.Dimensions[1], (int)pixels.Dimensions[2], (int)pixels.Dimensions[0]),
            _ => SquareShape(size, channels),
        };
        if (shape.Item1 < 1 || shape.Item2 < 1 || shape.Item3 is not (1 or 3) || shape.Item1 * shape.Item2 * shape.Item3 != size)
            throw new ArgumentException(
                $"feature column '{column.Name}' holds {size} values, which is not {shape.Item3 switch { 1 or 3 => shape.Item3.ToString(), _ => "1 or 3" }} channel(s) of " +
                $"{shape.Item1}×{shape.Item2}; set the options' ImageHeight, ImageWidth and ImageChannels");
        return new ImageInput(ImageInputKind.Pixels, shape.Item1, shape.Item2, shape.Item3);
    }

    /// <summary>A square grey image, else a square RGB one, else (0, 0, 0): the caller reports the mismatch.</summary>
    private static (int, int, int) SquareShape(int size, int? channels)
    {
        foreach (var c in channels is int given ? [given] : new[] { 1, 3 })
        {
            var side = (int)Math.Round(Math.Sqrt(size / (double)c));
            if (side * side * c == size) return (side, side, c);
        }
        return (0, 0, channels ?? 0);
    }

    /// <summary>The column this input is read from, checked against <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentException">The column is missing or of a type the model cannot read.</exception>
    internal int FindColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"the input has no feature column '{name}'; the model reads images from it");
        var fits = Kind == ImageInputKind.Pixels
            ? column.Type is VectorDataViewType { ItemType: var single } v && single == NumberDataViewType.Single && v.Size == Height * Width * Channels
            : IsEncodedBytes(column.Type) || column.Type is ImageDataViewType;
        if (!fits)
        {
            var expected = Kind == ImageInputKind.Pixels
                ? $"a Vector<Single, {Height * Width * Channels}> of pixel values"
                : "a Vector<Byte> of encoded image bytes or an Image (MLImage)";
            throw new ArgumentException($"feature column '{name}' has type {column.Type}; this model was trained on {Kind} input and takes {expected}");
        }
        return column.Index;
    }

    private static bool IsEncodedBytes(DataViewType type) => type is VectorDataViewType { ItemType: var item } && item == NumberDataViewType.Byte;

    /// <summary>A function that returns the image in <paramref name="row"/>'s current position, as 8-bit HWC pixels.</summary>
    internal Func<Image> CreateReader(DataViewRow row, int columnIndex)
    {
        var copy = CreateCopier(row, columnIndex);
        var name = row.Schema[columnIndex].Name;
        return () => copy($"row {row.Position} of column '{name}'")();
    }

    /// <summary>
    /// A function that copies the image in <paramref name="row"/>'s current position into memory of its own (cursors
    /// reuse their buffers, and LoadImages disposes an MLImage when its cursor moves on) and returns its conversion to
    /// 8-bit HWC pixels, which may run later, on another thread. The argument names the row in error messages. Encoded
    /// bytes and images are both read by the column's own type, so either serves a model trained on the other.
    /// </summary>
    internal Func<string, Func<Image>> CreateCopier(DataViewRow row, int columnIndex)
    {
        var column = row.Schema[columnIndex];
        if (column.Type is ImageDataViewType)
        {
            var getImage = row.GetGetter<MLImage>(column);
            MLImage image = null!;
            return source =>
            {
                getImage(ref image);
                if (image is null) return () => throw new InvalidDataException($"{source}: there is no image");
                if (image.PixelFormat is not (MLPixelFormat.Bgra32 or MLPixelFormat.Rgba32))
                {
                    var format = image.PixelFormat;
                    return () => throw new InvalidDataException($"{source}: the image's pixel format is {format}, not 32-bit RGBA or BGRA");
                }
                // Converted now: the pixels belong to the cursor.
                var copied = RgbaPixels.ToImage(image.Pixels, image.Width, image.Height, image.PixelFormat == MLPixelFormat.Bgra32, Channels);
                return () => copied;
            };
        }
        if (IsEncodedBytes(column.Type))
        {
            var getBytes = row.GetGetter<VBuffer<byte>>(column);
            VBuffer<byte> bytes = default;
            return source =>
            {
                getBytes(ref bytes);
                var copied = bytes.DenseValues().ToArray();
                return () => ImageDecoder.Decode(copied, Channels, source);
            };
        }

        var getPixels = row.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        return source =>
        {
            getPixels(ref buffer);
            var planar = new float[Height * Width * Channels];
            buffer.CopyTo(planar);
            return () => new Image(Width, Height, Channels, Interleave(planar));
        };
    }

    /// <summary>
    /// For a <see cref="ImageInputKind.Pixels"/> input: a function that copies the pixel vector in <paramref name="row"/>'s
    /// current position, as it is (channel-major floats), into the span it is given.
    /// </summary>
    internal Action<Span<float>> CreatePixelCopier(DataViewRow row, int columnIndex)
    {
        if (Kind != ImageInputKind.Pixels) throw new InvalidOperationException($"a {Kind} input has no pixel vector to copy");
        var getPixels = row.GetGetter<VBuffer<float>>(row.Schema[columnIndex]);
        VBuffer<float> buffer = default;
        return destination =>
        {
            getPixels(ref buffer);
            buffer.CopyTo(destination);
        };
    }

    /// <summary>Channel-major floats to interleaved (HWC) bytes, rounded and clamped to 0..255.</summary>
    private byte[] Interleave(float[] planar)
    {
        var plane = Height * Width;
        var pixels = new byte[planar.Length];
        for (var c = 0; c < Channels; c++)
            for (var i = 0; i < plane; i++)
                pixels[i * Channels + c] = (byte)Math.Clamp(MathF.Round(planar[c * plane + i]), 0, MaxPixelValue);
        return pixels;
    }
}
