using ModelZoo.Pipelines.Training;
using OxyPlot;
using OxyPlot.Legends;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A PNG of one training run: loss and top-1 accuracy per epoch, training in <see cref="Palette.Train"/>, validation (dashed) in <see cref="Palette.Validation"/>.</summary>
public static class TrainingCurvesFigure
{
    /// <summary>Width of the figure in pixels (two panels side by side).</summary>
    public const int Width = 1100;
    /// <summary>Height of the figure in pixels.</summary>
    public const int Height = 460;

    /// <summary>The loss panel (left) and the accuracy panel (right) for <paramref name="history"/>.</summary>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    public static IReadOnlyList<PlotModel> Panels(IReadOnlyList<EpochRecord> history)
    {
        if (history.Count == 0) throw new ArgumentException("a training-curves figure needs at least one epoch", nameof(history));
        return
        [
            Panel("Loss", "loss", history, e => e.TrainLoss, e => e.ValidationLoss),
            Panel("Top-1 accuracy", "accuracy (%)", history, e => e.TrainAccuracy * 100, e => e.ValidationAccuracy * 100),
        ];
    }

    /// <summary>Renders <paramref name="history"/> and writes it to <paramref name="path"/> as a <see cref="Width"/> × <see cref="Height"/> PNG.</summary>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    public static void Save(IReadOnlyList<EpochRecord> history, string path) => PlotPng.Save(Panels(history), Width, Height, path);

    private static PlotModel Panel(string title, string yTitle, IReadOnlyList<EpochRecord> history,
        Func<EpochRecord, double> train, Func<EpochRecord, double?> validation)
    {
        var model = ChartStyle.Model(title);
        model.Axes.Add(ChartStyle.EpochAxis());
        model.Axes.Add(ChartStyle.ValueAxis(yTitle));
        model.Legends.Add(ChartStyle.Legend(LegendPosition.TopRight));
        model.Series.Add(ChartStyle.Curve(history.Select(e => new DataPoint(e.Epoch, train(e))), Palette.Train, "train"));
        var validated = history.Where(e => validation(e) is not null).Select(e => new DataPoint(e.Epoch, validation(e)!.Value)).ToList();
        if (validated.Count > 0) model.Series.Add(ChartStyle.Curve(validated, Palette.Validation, "validation", dashed: true));
        return model;
    }
}
