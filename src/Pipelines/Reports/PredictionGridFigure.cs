using ModelZoo.Pipelines.Imaging;
using SkiaSharp;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A PNG grid of images, each with a one-line title such as the predicted class and its probability.</summary>
public static class PredictionGridFigure
{
    /// <summary>Side of the square box each image is scaled into, in pixels.</summary>
    public const int ImageSize = 96;
    /// <summary>Blank space around each image, in pixels.</summary>
    public const int Padding = 8;
    /// <summary>Size of the title text, in pixels.</summary>
    public const float TitleFontSize = 12;
    /// <summary>Height of the title line under each image.</summary>
    public const int TitleHeight = 18;
    /// <summary>Width of one grid cell.</summary>
    public const int CellWidth = ImageSize + 2 * Padding;
    /// <summary>Height of one grid cell.</summary>
    public const int CellHeight = ImageSize + 2 * Padding + TitleHeight;

    // Titles keep this much space from the cell's edges, so neighbouring titles never touch.
    private const float TitleMargin = 3;

    /// <summary>
    /// Lays <paramref name="items"/> out left to right, top to bottom, <paramref name="columns"/> per row (fewer when there
    /// are fewer items), and writes the grid to <paramref name="path"/> as PNG.
    /// </summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static void Save(IReadOnlyList<(Image Image, string Title)> items, string path, int columns = 4)
    {
        using var grid = Render(items, columns);
        using var file = File.Create(path);
        grid.Encode(file, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>The grid of <see cref="Save"/> as PNG bytes, for a page that embeds its images instead of linking files.</summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static byte[] Encode(IReadOnlyList<(Image Image, string Title)> items, int columns = 4)
    {
        using var grid = Render(items, columns);
        using var png = new MemoryStream();
        grid.Encode(png, SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// The size <paramref name="image"/> is drawn at and its offset inside the <see cref="ImageSize"/> box: the largest
    /// whole multiple that fits, so every source pixel becomes an equal square; images larger than the box shrink to fit.
    /// </summary>
    public static ((int Width, int Height) Size, (int X, int Y) Offset) ImageBox(Image image)
    {
        var longest = Math.Max(image.Width, image.Height);
        (int Width, int Height) size = longest <= ImageSize
            ? (image.Width * (ImageSize / longest), image.Height * (ImageSize / longest))
            : (Math.Max(1, image.Width * ImageSize / longest), Math.Max(1, image.Height * ImageSize / longest));
        return (size, ((ImageSize - size.Width) / 2, (ImageSize - size.Height) / 2));
    }

    private static SKBitmap Render(IReadOnlyList<(Image Image, string Title)> items, int columns)
    {
        if (items.Count == 0) throw new ArgumentException("a prediction grid needs at least one image", nameof(items));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        columns = Math.Min(columns, items.Count);
        var rows = (items.Count + columns - 1) / columns;
        var grid = new SKBitmap(columns * CellWidth, rows * CellHeight, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(grid);
        // Nearest neighbour, so that small images such as 28-px digits stay crisp squares instead of a blur.
        using var pixelated = new SKPaint { FilterQuality = SKFilterQuality.None };
        using var typeface = SKTypeface.FromFamilyName(ChartStyle.FontFamily);
        using var text = new SKPaint { Typeface = typeface, TextSize = TitleFontSize, IsAntialias = true, Color = SKColors.Black, TextAlign = SKTextAlign.Center };
        canvas.Clear(SKColors.White);
        for (var i = 0; i < items.Count; i++)
        {
            var (image, title) = items[i];
            var (box, offset) = ImageBox(image);
            int cellX = i % columns * CellWidth, cellY = i / columns * CellHeight;
            using var picture = ToSkia(image);
            canvas.DrawImage(picture, SKRect.Create(cellX + Padding + offset.X, cellY + Padding + offset.Y, box.Width, box.Height), pixelated);
            // The baseline sits low enough in the title line for descenders (g, p, y) to fit above the cell's edge.
            canvas.DrawText(Fit(title, text), cellX + CellWidth / 2f, cellY + 2 * Padding + ImageSize + TitleFontSize, text);
        }
        return grid;
    }

    /// <summary>An opaque Skia copy of <paramref name="image"/>: grey stays grey, alpha is ignored.</summary>
    private static SKImage ToSkia(Image image)
    {
        var source = image.Pixels;
        var rgba = new byte[image.Width * image.Height * 4];
        var colour = image.Channels >= 3;
        for (int pixel = 0, i = 0; pixel < rgba.Length; pixel += 4, i += image.Channels)
        {
            rgba[pixel] = source[i];
            rgba[pixel + 1] = colour ? source[i + 1] : source[i];
            rgba[pixel + 2] = colour ? source[i + 2] : source[i];
            rgba[pixel + 3] = byte.MaxValue;
        }
        return SKImage.FromPixelCopy(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque), rgba);
    }

    // Titles wider than the cell are cut with an ellipsis so neighbouring titles never run together.
    private static string Fit(string title, SKPaint text)
    {
        const float room = CellWidth - 2 * TitleMargin;
        if (text.MeasureText(title) <= room) return title;
        var length = title.Length;
        while (length > 0 && text.MeasureText(title[..length] + "…") > room) length--;
        return title[..length] + "…";
    }
}
