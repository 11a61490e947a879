using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;
using OxyPlot;
using OxyPlot.Series;

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

    [Fact]
    public void BothPanelsShowTrainAndValidationLines()
    {
        var image = SaveAndDecode(ReportFixture.History(0));
        var half = TrainingCurvesFigure.Width / 2;

        Assert.Equal((TrainingCurvesFigure.Width, TrainingCurvesFigure.Height), (image.Width, image.Height));
        foreach (var (from, to) in new[] { (0, half), (half, image.Width) })
        {
            Assert.True(ChartPixels.CountNear(image, Palette.Train, from, to) > 300, $"train line missing in {from}..{to}");
            Assert.True(ChartPixels.CountNear(image, Palette.Validation, from, to) > 300, $"validation line missing in {from}..{to}");
        }
    }

    [Fact]
    public void PanelsAreLossAndAccuracyWithTitledAxes()
    {
        var panels = TrainingCurvesFigure.Panels(ReportFixture.History(0));

        Assert.Equal(["Loss", "Top-1 accuracy"], panels.Select(p => p.Title));
        Assert.Equal(["epoch", "loss"], panels[0].Axes.Select(a => a.Title));
        Assert.Equal(["epoch", "accuracy (%)"], panels[1].Axes.Select(a => a.Title));
        Assert.All(panels, p => Assert.Equal(["train", "validation"], p.Series.Select(s => s.Title)));
        Assert.Equal([45.0, 60, 75], ((LineSeries)panels[1].Series[0]).Points.Select(p => Math.Round(p.Y, 9)));
    }

    [Fact]
    public void EveryEpochIsDrawnWhereItsAxesPutIt()
    {
        using var folder = new TempDirectory();
        var path = folder.File("curves.png");
        var panels = TrainingCurvesFigure.Panels(ReportFixture.History(0));

        PlotPng.Save(panels, TrainingCurvesFigure.Width, TrainingCurvesFigure.Height, path);

        var image = ImageDecoder.Decode(path, 3);
        foreach (var series in panels.SelectMany(p => p.Series).Cast<LineSeries>())
            foreach (var point in series.Points)
                Assert.True(ChartPixels.IsDrawnAround(image, series.Transform(point), series.Color),
                    $"{series.Title} at epoch {point.X} ({series.Transform(point)}) is not drawn");
        // The training loss falls from epoch 1 to 3: its first marker is higher in the picture, and further left.
        var loss = (LineSeries)panels[0].Series[0];
        Assert.True(loss.Transform(loss.Points[0]).Y < loss.Transform(loss.Points[2]).Y - 200);
        // The accuracy panel is the right half of the figure.
        var accuracy = (LineSeries)panels[1].Series[0];
        Assert.InRange(accuracy.Transform(accuracy.Points[0]).X, TrainingCurvesFigure.Width / 2.0, TrainingCurvesFigure.Width);
        // Under the curves (about 1.6 at epoch 1.5), away from grid lines, lies white background.
        var below = loss.Transform(new DataPoint(1.5, 0.8));
        Assert.True(ChartPixels.IsNear(image, (int)below.X, (int)below.Y, OxyColors.White));
    }

    [Fact]
    public void WithoutValidationOnlyTheTrainLineIsDrawn()
    {
        var history = ReportFixture.History(0).Select(e => e with { ValidationLoss = null, ValidationAccuracy = null }).ToList();

        var image = SaveAndDecode(history);

        Assert.Equal(0, ChartPixels.CountNear(image, Palette.Validation, 0, image.Width));
        Assert.True(ChartPixels.CountNear(image, Palette.Train, 0, image.Width) > 600);
        Assert.All(TrainingCurvesFigure.Panels(history), p => Assert.Equal(["train"], p.Series.Select(s => s.Title)));
    }

    [Fact]
    public void EmptyHistoryIsRejected() =>
        Assert.Throws<ArgumentException>(() => TrainingCurvesFigure.Panels([]));
}
