using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// Top-1 accuracy against what it costs at run time (batch-1 latency) and in memory (parameters), with the
/// <see cref="ParetoFront"/> joined: the architectures worth choosing between are on the line, the rest are beaten on
/// both counts by one of them. Architecture i is drawn in <see cref="Palette.Series"/>(i), as in <see cref="ReportCharts"/>.
/// </summary>
public static class ParetoCharts
{
    /// <summary>Colour of the line through the front and of the ring around each point on it.</summary>
    public static OxyColor FrontColour => OxyColor.FromRgb(0x22, 0x22, 0x22);

    private const int Width = 600, Height = 420;
    // Points off the front are drawn faded, so the front is what the eye finds first.
    private const byte DominatedAlpha = 110;

    /// <summary>Top-1 accuracy against median batch-1 latency; architectures without a measured latency are left out.</summary>
    public static string AccuracyVersusLatency(ComparisonReport report) =>
        InlineSvg.Render(Model(report, "Accuracy versus latency", new LinearAxis { Title = "latency, batch 1 (ms)" },
            r => r.InferenceLatencyMs, ParetoFront.OfLatency(report)), "pareto-latency", Width, Height);

    /// <summary>Top-1 accuracy against trainable parameters on a log axis.</summary>
    public static string AccuracyVersusParameters(ComparisonReport report) =>
        InlineSvg.Render(Model(report, "Accuracy versus parameters", new LogarithmicAxis { Title = "parameters (log scale)", LabelFormatter = ReportFormat.Count },
            r => r.Parameters, ParetoFront.OfParameters(report)), "pareto-parameters", Width, Height);

    private static PlotModel Model(ComparisonReport report, string title, Axis cost, Func<ArchitectureResult, double> costOf, IReadOnlyList<ArchitectureResult> front)
    {
        var model = ChartStyle.Model(title);
        cost.Position = AxisPosition.Bottom;
        // Room on both sides for the point labels, centred on the outermost points: a sixth of the plot's width each.
        cost.MinimumPadding = cost.MaximumPadding = 0.25;
        model.Axes.Add(ChartStyle.Gridded(cost));
        var accuracy = ChartStyle.ValueAxis("top-1 accuracy (%)");
        accuracy.MinimumPadding = accuracy.MaximumPadding = 0.12;
        model.Axes.Add(accuracy);
        model.Legends.Add(ChartStyle.Legend(LegendPosition.TopCenter));

        var line = new LineSeries { Title = "Pareto front", Color = FrontColour, StrokeThickness = 1.5, LineStyle = LineStyle.Dash };
        line.Points.AddRange(front.Select(r => new DataPoint(costOf(r), r.Top1 * 100)));
        model.Series.Add(line);
        // Zero or non-finite means not measured, and a log axis has no place for zero.
        var drawn = report.Results.Select((result, index) => (Result: result, Index: index))
            .Where(p => double.IsFinite(costOf(p.Result)) && costOf(p.Result) > 0);
        foreach (var (result, index) in drawn)
        {
            var onFront = front.Contains(result);
            var colour = Palette.Series(index);
            var point = new ScatterSeries
            {
                MarkerType = MarkerType.Circle,
                MarkerSize = onFront ? 7 : 5,
                MarkerFill = onFront ? colour : OxyColor.FromAColor(DominatedAlpha, colour),
                MarkerStroke = onFront ? FrontColour : OxyColors.Undefined,
                MarkerStrokeThickness = onFront ? 2 : 0,
                // The label is a format string: braces in a name must not be read as placeholders.
                LabelFormatString = result.Architecture.Replace("{", "{{").Replace("}", "}}"),
                LabelMargin = 8,
                FontWeight = onFront ? FontWeights.Bold : FontWeights.Normal,
            };
            point.Points.Add(new ScatterPoint(costOf(result), result.Top1 * 100));
            model.Series.Add(point);
        }
        return model;
    }
}
