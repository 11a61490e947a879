using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A PNG grid of images, each with a one-line title such as the predicted class and its probability.</summary>
public static class PredictionGridFigure
{
    /// <summary>Side of the square box each image is scaled into, in pixels.</summary>
    public const int ImageSize = 96;
    /// <summary>Blank space around each image, in pixels.</summary>
    public const int Padding = 8;
    /// <summary>Height of the title line under each image (one row of the 5×7 font).</summary>
    public const int TitleHeight = BitmapFont.GlyphHeight + 6;
    /// <summary>Width of one grid cell.</summary>
    public const int CellWidth = ImageSize + 2 * Padding;
    /// <summary>Height of one grid cell.</summary>
    public const int CellHeight = ImageSize + 2 * Padding + TitleHeight;

    /// <summary>Lays <paramref name="items"/> out left to right, top to bottom, <paramref name="columns"/> per row (fewer when there are fewer items).</summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static Image Render(IReadOnlyList<(Image Image, string Title)> items, int columns = 4)
    {
        if (items.Count == 0) throw new ArgumentException("a prediction grid needs at least one image", nameof(items));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        columns = Math.Min(columns, items.Count);
        var rows = (items.Count + columns - 1) / columns;
        var canvas = new Canvas(columns * CellWidth, rows * CellHeight);
        for (var i = 0; i < items.Count; i++)
        {
            var (image, title) = items[i];
            var (box, offset) = ImageBox(image);
            int cellX = i % columns * CellWidth, cellY = i / columns * CellHeight;
            canvas.DrawImage(image, cellX + Padding + offset.X, cellY + Padding + offset.Y, box.Width, box.Height);
            var text = Fit(title);
            canvas.DrawText(cellX + (CellWidth - BitmapFont.Measure(text, 1)) / 2, cellY + Padding + ImageSize + 6, text, Rgb.Black);
        }
        return canvas.Image;
    }

    /// <summary>Renders the grid and writes it to <paramref name="path"/> as PNG.</summary>
    public static void Save(IReadOnlyList<(Image Image, string Title)> items, string path, int columns = 4) =>
        ImageEncoder.SavePng(Render(items, columns), path);

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

    // Titles longer than the cell are cut with ".." so neighbouring titles never run together.
    private static string Fit(string title)
    {
        var maxChars = (CellWidth + 1) / BitmapFont.Advance;
        return title.Length <= maxChars ? title : title[..(maxChars - 2)] + "..";
    }
}
