using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A PNG of one training run: loss and top-1 accuracy per epoch, training in <see cref="Palette.Train"/>, validation in <see cref="Palette.Validation"/>.</summary>
public static class TrainingCurvesFigure
{
    /// <summary>Width of the figure in pixels (two panels side by side).</summary>
    public const int Width = 1100;
    /// <summary>Height of the figure in pixels.</summary>
    public const int Height = 460;

    private const int PanelWidth = Width / 2, MarginLeft = 84, MarginRight = 24, MarginTop = 52, MarginBottom = 66;

    /// <summary>Draws the loss panel (left) and the accuracy panel (right) for <paramref name="history"/>.</summary>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    public static Image Render(IReadOnlyList<EpochRecord> history)
    {
        if (history.Count == 0) throw new ArgumentException("a training-curves figure needs at least one epoch", nameof(history));
        var canvas = new Canvas(Width, Height);
        DrawPanel(canvas, 0, "Loss", history, e => e.TrainLoss, e => e.ValidationLoss);
        DrawPanel(canvas, PanelWidth, "Accuracy (%)", history, e => e.TrainAccuracy * 100, e => e.ValidationAccuracy * 100);
        return canvas.Image;
    }

    /// <summary>Renders <paramref name="history"/> and writes it to <paramref name="path"/> as PNG.</summary>
    public static void Save(IReadOnlyList<EpochRecord> history, string path) => ImageEncoder.SavePng(Render(history), path);

    private static void DrawPanel(Canvas canvas, int offset, string title, IReadOnlyList<EpochRecord> history,
        Func<EpochRecord, double> train, Func<EpochRecord, double?> validation)
    {
        var validated = history.Where(e => validation(e) is not null).Select(e => ((double)e.Epoch, validation(e)!.Value)).ToList();
        var values = history.Select(train).Concat(validated.Select(p => p.Value)).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var plot = new RasterPlot(canvas, offset + MarginLeft, MarginTop, PanelWidth - MarginLeft - MarginRight, Height - MarginTop - MarginBottom,
            NiceScale.Linear(1, history.Max(e => e.Epoch), maxTicks: 8, integerSteps: true), NiceScale.Linear(values.Min(), values.Max()));
        plot.DrawAxes(title, "epoch");
        plot.DrawSeries(history.Select(e => ((double)e.Epoch, train(e))), Palette.Train);
        plot.DrawSeries(validated, Palette.Validation);
        plot.DrawLegend(validated.Count > 0 ? [("train", Palette.Train), ("validation", Palette.Validation)] : [("train", Palette.Train)]);
    }
}
