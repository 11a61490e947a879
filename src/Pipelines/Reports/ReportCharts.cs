using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Pipelines.Reports;

/// <summary>The x/y charts of the HTML report as inline SVG; architecture i is drawn in <see cref="Palette.Series"/>(i) in every chart.</summary>
public static class ReportCharts
{
    private const int ScatterWidth = 900, ScatterHeight = 420, CurvesWidth = 600, CurvesHeight = 400;

    /// <summary>Top-1 accuracy against MACs per image on a log axis, each point labelled with its architecture.</summary>
    public static string AccuracyVersusMacs(ComparisonReport report) =>
        InlineSvg.Render(AccuracyVersusMacsModel(report), "accuracy-vs-macs", ScatterWidth, ScatterHeight);

    /// <summary>Training (solid) and validation (dashed) loss per epoch for every architecture.</summary>
    public static string LossCurves(ComparisonReport report) =>
        InlineSvg.Render(Curves(report, "Loss", "loss", e => e.TrainLoss, e => e.ValidationLoss), "loss-curves", CurvesWidth, CurvesHeight);

    /// <summary>Training (solid) and validation (dashed) top-1 accuracy per epoch for every architecture.</summary>
    public static string AccuracyCurves(ComparisonReport report) =>
        InlineSvg.Render(Curves(report, "Accuracy", "top-1 accuracy (%)", e => e.TrainAccuracy * 100, e => e.ValidationAccuracy * 100),
            "accuracy-curves", CurvesWidth, CurvesHeight);

    private static PlotModel AccuracyVersusMacsModel(ComparisonReport report)
    {
        var model = ChartStyle.Model("Top-1 accuracy versus compute");
        model.Axes.Add(ChartStyle.Gridded(new LogarithmicAxis
        {
            Position = AxisPosition.Bottom,
            Title = "MACs per image (log scale)",
            LabelFormatter = ReportFormat.Count,
            // Room on both sides for the point labels.
            MinimumPadding = 0.15,
            MaximumPadding = 0.15,
        }));
        var accuracy = ChartStyle.ValueAxis("top-1 accuracy (%)");
        accuracy.MinimumPadding = accuracy.MaximumPadding = 0.12;
        model.Axes.Add(accuracy);
        model.Legends.Add(ChartStyle.Legend(LegendPosition.RightTop));
        for (var i = 0; i < report.Results.Count; i++)
        {
            var result = report.Results[i];
            // A log axis has no place for zero MACs (an architecture the summary could not measure).
            if (result.Macs <= 0) continue;
            var point = new ScatterSeries
            {
                Title = result.Architecture,
                MarkerType = MarkerType.Circle,
                MarkerSize = 6,
                MarkerFill = Palette.Series(i),
                // The label is a format string: braces in a name must not be read as placeholders.
                LabelFormatString = result.Architecture.Replace("{", "{{").Replace("}", "}}"),
                LabelMargin = 8,
            };
            point.Points.Add(new ScatterPoint(result.Macs, result.Top1 * 100));
            model.Series.Add(point);
        }
        return model;
    }

    private static PlotModel Curves(ComparisonReport report, string title, string yTitle,
        Func<EpochRecord, double> train, Func<EpochRecord, double?> validation)
    {
        var model = ChartStyle.Model(title);
        model.Axes.Add(ChartStyle.EpochAxis());
        model.Axes.Add(ChartStyle.ValueAxis(yTitle));
        model.Legends.Add(ChartStyle.Legend(LegendPosition.RightTop));
        for (var i = 0; i < report.Results.Count; i++)
        {
            var history = report.Results[i].History;
            model.Series.Add(ChartStyle.Curve(history.Select(e => new DataPoint(e.Epoch, train(e))), Palette.Series(i), report.Results[i].Architecture));
            model.Series.Add(ChartStyle.Curve(
                history.Where(e => validation(e) is not null).Select(e => new DataPoint(e.Epoch, validation(e)!.Value)), Palette.Series(i), null, dashed: true));
        }
        // Two empty series give the legend a key for the line styles, which every architecture shares.
        model.Series.Add(ChartStyle.Curve([], OxyColors.Black, "train"));
        model.Series.Add(ChartStyle.Curve([], OxyColors.Black, "validation", dashed: true));
        return model;
    }
}
