using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class TrainingCurvesFigureTests
{
    private static Image SaveAndDecode(IReadOnlyList<EpochRecord> history)
    {
        using var folder = new TempDirectory();
        var path = folder.File("curves.png");
        TrainingCurvesFigure.Save(history, path);
        return ImageDecoder.Decode(path, 3);
    }

    private static List<(int X, int Y)> PixelsOf(Image image, Rgb colour, int fromX, int toX)
    {
        var found = new List<(int, int)>();
        for (var y = 0; y < image.Height; y++)
            for (var x = fromX; x < toX; x++)
                if (image[y, x, 0] == colour.R && image[y, x, 1] == colour.G && image[y, x, 2] == colour.B) found.Add((x, y));
        return found;
    }

    [Fact]
    public void BothPanelsShowTrainAndValidationLines()
    {
        var image = SaveAndDecode(ReportFixture.History(0));
        var half = TrainingCurvesFigure.Width / 2;

        Assert.Equal((TrainingCurvesFigure.Width, TrainingCurvesFigure.Height), (image.Width, image.Height));
        foreach (var (from, to) in new[] { (0, half), (half, image.Width) })
        {
            Assert.True(PixelsOf(image, Palette.Train, from, to).Count > 300, $"train line missing in {from}..{to}");
            Assert.True(PixelsOf(image, Palette.Validation, from, to).Count > 300, $"validation line missing in {from}..{to}");
        }
    }

    [Fact]
    public void FallingLossIsDrawnFromTopLeftToBottomRight()
    {
        var image = SaveAndDecode(ReportFixture.History(0));
        // Leave out the legend on the title row, which is also in the train colour.
        var line = PixelsOf(image, Palette.Train, 0, TrainingCurvesFigure.Width / 2).Where(p => p.Y > 50).ToList();

        var highest = line.MinBy(p => p.Y);
        var lowest = line.MaxBy(p => p.Y);
        Assert.True(highest.X < lowest.X - 200, $"loss should fall left to right: highest at x={highest.X}, lowest at x={lowest.X}");
    }

    [Fact]
    public void WithoutValidationOnlyTheTrainLineIsDrawn()
    {
        var history = ReportFixture.History(0).Select(e => e with { ValidationLoss = null, ValidationAccuracy = null }).ToList();

        var image = SaveAndDecode(history);

        Assert.Empty(PixelsOf(image, Palette.Validation, 0, image.Width));
        Assert.NotEmpty(PixelsOf(image, Palette.Train, 0, image.Width));
    }

    [Fact]
    public void EmptyHistoryIsRejected() =>
        Assert.Throws<ArgumentException>(() => TrainingCurvesFigure.Render([]));
}
