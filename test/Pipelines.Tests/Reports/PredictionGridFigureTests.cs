using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class PredictionGridFigureTests
{
    private static Image Colour32()
    {
        var pixels = new byte[32 * 32 * 3];
        for (var y = 0; y < 32; y++)
            for (var x = 0; x < 32; x++)
            {
                var i = (y * 32 + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(x * 8), (byte)(y * 8), 77);
            }
        return new Image(32, 32, 3, pixels);
    }

    private static Image Grey28() => new(28, 28, 1, Enumerable.Range(0, 28 * 28).Select(i => (byte)(i % 251)).ToArray());

    private static Image SaveAndDecode(IReadOnlyList<(Image, string)> items, int columns)
    {
        using var folder = new TempDirectory();
        var path = folder.File("grid.png");
        PredictionGridFigure.Save(items, path, columns);
        return ImageDecoder.Decode(path, 3);
    }

    [Fact]
    public void GridHasColumnsTimesRowsCells()
    {
        var items = Enumerable.Range(0, 5).Select(i => (Colour32(), $"cat {i}")).ToList();

        var image = SaveAndDecode(items, columns: 4);

        Assert.Equal((4 * PredictionGridFigure.CellWidth, 2 * PredictionGridFigure.CellHeight), (image.Width, image.Height));
        Assert.Equal((2 * PredictionGridFigure.CellWidth, PredictionGridFigure.CellHeight), (SaveAndDecode(items[..2], 4).Width, SaveAndDecode(items[..2], 4).Height));
    }

    [Fact]
    public void ColourImagesAreScaledThreeTimesWithTheirPixels()
    {
        var source = Colour32();

        var image = SaveAndDecode([(Grey28(), "first"), (source, "airplane 0.93")], columns: 2);

        // 32 px fit 96 exactly three times; each source pixel is a 3x3 block in the second cell.
        var left = PredictionGridFigure.CellWidth + PredictionGridFigure.Padding;
        var top = PredictionGridFigure.Padding;
        foreach (var (x, y) in new[] { (0, 0), (5, 17), (31, 31) })
            for (var c = 0; c < 3; c++)
                Assert.Equal(source[y, x, c], image[top + 3 * y + 2, left + 3 * x + 1, c]);
    }

    [Fact]
    public void GreyImagesStayGreyAndAreCentred()
    {
        var source = Grey28();

        var image = SaveAndDecode([(source, "3 (0.88)")], columns: 4);

        // 28 px fit three times into 96 (84 px), leaving 6 px on each side.
        var (size, offset) = PredictionGridFigure.ImageBox(source);
        Assert.Equal(((84, 84), (6, 6)), (size, offset));
        var origin = PredictionGridFigure.Padding + 6;
        foreach (var (x, y) in new[] { (0, 0), (13, 20), (27, 27) })
            Assert.Equal(Enumerable.Repeat(source[y, x, 0], 3), Enumerable.Range(0, 3).Select(c => image[origin + 3 * y + 1, origin + 3 * x + 1, c]));
        Assert.Equal(255, image[origin - 1, origin - 1, 0]);
    }

    /// <summary>Dark (text) pixels in the title line of the cell whose left edge is <paramref name="fromX"/>, on the first row.</summary>
    private static int InkInTitle(Image image, int fromX, int width = PredictionGridFigure.CellWidth)
    {
        var titleTop = 2 * PredictionGridFigure.Padding + PredictionGridFigure.ImageSize;
        return Enumerable.Range(titleTop, PredictionGridFigure.CellHeight - titleTop)
            .Sum(y => Enumerable.Range(fromX, width).Count(x => image[y, x, 0] < 128 && image[y, x, 1] < 128 && image[y, x, 2] < 128));
    }

    [Fact]
    public void TitlesAreWrittenUnderTheImages()
    {
        var image = SaveAndDecode([(Colour32(), "ship 99%"), (Colour32(), "")], columns: 2);

        Assert.True(InkInTitle(image, 0) > 40, $"the first title has only {InkInTitle(image, 0)} dark pixels");
        Assert.Equal(0, InkInTitle(image, PredictionGridFigure.CellWidth));
    }

    [Fact]
    public void LongTitlesAreCutInsideTheirCell()
    {
        var image = SaveAndDecode([(Colour32(), new string('W', 40)), (Colour32(), "")], columns: 2);

        // The text spans most of its cell but stays off the few pixels either side of the border and out of the neighbour.
        Assert.True(InkInTitle(image, 0, 16) > 0 && InkInTitle(image, PredictionGridFigure.CellWidth - 32, 16) > 0, "the cut title does not fill its cell");
        Assert.Equal(0, InkInTitle(image, PredictionGridFigure.CellWidth - 2, 4));
        Assert.Equal(0, InkInTitle(image, PredictionGridFigure.CellWidth));
    }

    [Fact]
    public void ImagesLargerThanTheCellShrinkToFit() =>
        Assert.Equal(((96, 48), (0, 24)), PredictionGridFigure.ImageBox(new Image(200, 100, 3, new byte[200 * 100 * 3])));
}
