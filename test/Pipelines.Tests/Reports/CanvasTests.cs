using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class CanvasTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    private static int Count(Canvas canvas, Rgb colour)
    {
        var count = 0;
        for (var y = 0; y < canvas.Height; y++)
            for (var x = 0; x < canvas.Width; x++)
                if (canvas.GetPixel(x, y) == colour) count++;
        return count;
    }

    [Fact]
    public void ThickHorizontalLineCoversThatManyRows()
    {
        var canvas = new Canvas(20, 20);

        canvas.DrawLine(2, 10, 17, 10, Red, thickness: 3);

        // The square pen is centred on each point, so it also reaches one pixel past both ends.
        Assert.Equal(18 * 3, Count(canvas, Red));
        Assert.Equal(Red, canvas.GetPixel(1, 9));
        Assert.Equal(Rgb.White, canvas.GetPixel(0, 10));
        Assert.Equal(Red, canvas.GetPixel(17, 11));
        Assert.Equal(Rgb.White, canvas.GetPixel(10, 12));
    }

    [Fact]
    public void DiagonalLineHitsBothEndsAndOnePixelPerColumn()
    {
        var canvas = new Canvas(10, 10);

        canvas.DrawLine(9, 9, 0, 0, Red);

        Assert.Equal(10, Count(canvas, Red));
        Assert.Equal(Red, canvas.GetPixel(0, 0));
        Assert.Equal(Red, canvas.GetPixel(5, 5));
    }

    [Fact]
    public void DrawingOutsideTheCanvasIsClipped()
    {
        var canvas = new Canvas(4, 4);

        canvas.DrawLine(-10, 1, 10, 1, Red, thickness: 1);
        canvas.FillCircle(0, 0, 2, Red);

        // Row 1 across the canvas, plus the quarter disc off that row: (0,0), (1,0), (2,0), (0,2).
        Assert.Equal(4 + 4, Count(canvas, Red));
    }

    [Fact]
    public void TextIsDrawnFromTheBitmapFontAtScale()
    {
        var canvas = new Canvas(20, 20);

        canvas.DrawText(0, 0, "I", Rgb.Black, scale: 2);

        // 'I' is a 7-pixel stem with 3-pixel serifs top and bottom: 11 font pixels, 4 image pixels each.
        Assert.Equal(11 * 4, Count(canvas, Rgb.Black));
        Assert.Equal(Rgb.Black, canvas.GetPixel(4, 13));
        Assert.Equal(Rgb.White, canvas.GetPixel(0, 6));
        Assert.Equal(11, BitmapFont.Measure("ab", 1));
    }

    [Fact]
    public void CharactersOutsideAsciiDrawAsQuestionMarks()
    {
        var unknown = new Canvas(6, 7);
        var question = new Canvas(6, 7);

        unknown.DrawText(0, 0, "é", Rgb.Black);
        question.DrawText(0, 0, "?", Rgb.Black);

        Assert.Equal(question.Image.Pixels, unknown.Image.Pixels);
        Assert.True(BitmapFont.IsSet('~', 2, 3));
    }

    [Fact]
    public void GreyImagesAreScaledByNearestNeighbourAndStayGrey()
    {
        var canvas = new Canvas(4, 4);
        var source = new ModelZoo.Pipelines.Imaging.Image(2, 2, 1, [10, 20, 30, 40]);

        canvas.DrawImage(source, 0, 0, 4, 4);

        Assert.Equal(new Rgb(10, 10, 10), canvas.GetPixel(1, 1));
        Assert.Equal(new Rgb(20, 20, 20), canvas.GetPixel(2, 0));
        Assert.Equal(new Rgb(40, 40, 40), canvas.GetPixel(3, 3));
    }
}
