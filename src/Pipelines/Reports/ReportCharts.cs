using ModelZoo.Pipelines.Training;

namespace ModelZoo.Pipelines.Reports;

/// <summary>The charts of the HTML report; architecture i is drawn in <see cref="Palette.Series"/>(i) in every chart.</summary>
public static class ReportCharts
{
    /// <summary>Top-1 accuracy against MACs per image on a log axis, each point labelled with its architecture.</summary>
    public static string AccuracyVersusMacs(ComparisonReport report)
    {
        var placed = report.Results.Select((r, i) => (Result: r, Index: i)).Where(p => p.Result.Macs > 0).ToList();
        var x = placed.Count == 0 ? NiceScale.Log10(1, 10) : NiceScale.Log10(placed.Min(p => p.Result.Macs), placed.Max(p => p.Result.Macs));
        var y = NiceScale.Linear(report.Results.Min(r => r.Top1 * 100), report.Results.Max(r => r.Top1 * 100));
        var chart = new SvgChart("accuracy-vs-macs", "Top-1 accuracy versus compute", x, y, width: 900, height: 420)
        {
            XLabel = "MACs per image (log scale)",
            YLabel = "top-1 accuracy (%)",
            XTickFormat = ReportFormat.Count,
        };
        foreach (var (result, index) in placed)
            chart.AddPoint(result.Macs, result.Top1 * 100, Palette.Series(index), result.Architecture);
        return chart.ToSvg();
    }

    /// <summary>Training (solid) and validation (dashed) loss per epoch for every architecture.</summary>
    public static string LossCurves(ComparisonReport report) =>
        Curves(report, "loss-curves", "Loss", "loss", e => e.TrainLoss, e => e.ValidationLoss);

    /// <summary>Training (solid) and validation (dashed) top-1 accuracy per epoch for every architecture.</summary>
    public static string AccuracyCurves(ComparisonReport report) =>
        Curves(report, "accuracy-curves", "Accuracy", "top-1 accuracy (%)", e => e.TrainAccuracy * 100, e => e.ValidationAccuracy * 100);

    private static string Curves(ComparisonReport report, string id, string title, string yLabel,
        Func<EpochRecord, double> train, Func<EpochRecord, double?> validation)
    {
        var epochs = report.Results.SelectMany(r => r.History).ToList();
        var values = epochs.Select(train).Concat(epochs.Select(validation).OfType<double>()).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var x = NiceScale.Linear(1, epochs.Select(e => e.Epoch).DefaultIfEmpty(1).Max(), integerSteps: true);
        var chart = new SvgChart(id, title, x, NiceScale.Linear(values.Min(), values.Max())) { XLabel = "epoch", YLabel = yLabel };
        for (var i = 0; i < report.Results.Count; i++)
        {
            var history = report.Results[i].History;
            chart.AddLine(history.Select(e => ((double)e.Epoch, train(e))), Palette.Series(i));
            chart.AddLine(history.Where(e => validation(e) is not null).Select(e => ((double)e.Epoch, validation(e)!.Value)), Palette.Series(i), dashed: true);
            chart.AddLegendEntry(report.Results[i].Architecture, Palette.Series(i));
        }
        chart.AddLegendEntry("train", Rgb.Black);
        chart.AddLegendEntry("validation", Rgb.Black, dashed: true);
        return chart.ToSvg();
    }
}
