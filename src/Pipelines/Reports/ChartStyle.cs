using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// The look every chart shares, in the HTML report and in the PNG figures: one font, a white background,
/// light grid lines behind the data, lines with a marker on each point so a single epoch still shows.
/// </summary>
public static class ChartStyle
{
    /// <summary>
    /// Font of all chart text. Debian's fonts-dejavu-core (installed by the launcher) provides it, so text is
    /// measured and drawn with the same glyphs on every machine that runs ModelZoo.
    /// </summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Width of every data line, in pixels.</summary>
    private const double LineThickness = 2.5;

    /// <summary>An empty chart titled <paramref name="title"/>, with the shared font and a white background.</summary>
    internal static PlotModel Model(string title) => new()
    {
        Title = title,
        DefaultFont = FontFamily,
        DefaultFontSize = 12,
        TitleFontSize = 15,
        TitleFontWeight = FontWeights.Bold,
        // PNG export clears the canvas to this colour; OxyPlot's default is transparent.
        Background = OxyColors.White,
    };

    /// <summary>A horizontal axis of epochs: whole-number ticks only.</summary>
    internal static LinearAxis EpochAxis() => Gridded(new LinearAxis
    {
        Position = AxisPosition.Bottom,
        Title = "epoch",
        MinimumMajorStep = 1,
        MinimumMinorStep = 1,
        StringFormat = "0",
        // A little room at both ends, so the first and last markers are not cut by the frame.
        MinimumPadding = 0.03,
        MaximumPadding = 0.03,
    });

    /// <summary>A vertical value axis titled <paramref name="title"/>.</summary>
    internal static LinearAxis ValueAxis(string title) =>
        Gridded(new LinearAxis { Position = AxisPosition.Left, Title = title, MinimumPadding = 0.05, MaximumPadding = 0.05 });

    /// <summary>Adds light major grid lines to <paramref name="axis"/>, so values can be read off without drowning the data.</summary>
    internal static T Gridded<T>(T axis) where T : Axis
    {
        axis.MajorGridlineStyle = LineStyle.Solid;
        axis.MajorGridlineColor = Palette.Grid;
        return axis;
    }

    /// <summary>
    /// A curve through <paramref name="points"/>, dashed for validation data. Non-finite values (a diverged loss)
    /// leave a gap in the line instead of failing the chart. A null <paramref name="title"/> keeps it out of the legend.
    /// </summary>
    internal static LineSeries Curve(IEnumerable<DataPoint> points, OxyColor colour, string? title, bool dashed = false)
    {
        var series = new LineSeries
        {
            Title = title,
            Color = colour,
            StrokeThickness = LineThickness,
            LineStyle = dashed ? LineStyle.Dash : LineStyle.Solid,
            MarkerType = MarkerType.Circle,
            MarkerSize = 3.5,
            MarkerFill = colour,
        };
        series.Points.AddRange(points);
        return series;
    }

    /// <summary>A legend outside the plot area, so it never hides data: a column at the right, or a row above the plot.</summary>
    internal static Legend Legend(LegendPosition position) => new()
    {
        LegendPlacement = LegendPlacement.Outside,
        LegendPosition = position,
        LegendOrientation = position == LegendPosition.RightTop ? LegendOrientation.Vertical : LegendOrientation.Horizontal,
        LegendSymbolLength = 28,
    };
}
