using System.Text;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// An x/y chart drawn as inline SVG: framed plot area, nice-number ticks and grid, axis labels,
/// lines with point markers, labelled scatter points and a legend to the right of the plot.
/// </summary>
public sealed class SvgChart
{
    private const double Left = 68, Top = 34, Bottom = 50, CharWidth = 7;
    private readonly List<(IReadOnlyList<(double X, double Y)> Points, Rgb Colour, bool Dashed)> lines = [];
    private readonly List<(double X, double Y, Rgb Colour, string? Label)> points = [];
    private readonly List<(string Text, Rgb Colour, bool Dashed)> legend = [];

    /// <summary>Starts an empty chart.</summary>
    /// <param name="id">Element id of the svg, unique in the page.</param>
    /// <param name="title">Heading drawn above the plot.</param>
    /// <param name="x">Horizontal scale.</param>
    /// <param name="y">Vertical scale.</param>
    /// <param name="width">Width in CSS pixels.</param>
    /// <param name="height">Height in CSS pixels.</param>
    public SvgChart(string id, string title, NiceScale x, NiceScale y, int width = 600, int height = 380)
    {
        Id = id;
        Title = title;
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    /// <summary>Element id of the svg.</summary>
    public string Id { get; }
    /// <summary>Heading drawn above the plot.</summary>
    public string Title { get; }
    /// <summary>Horizontal scale.</summary>
    public NiceScale X { get; }
    /// <summary>Vertical scale.</summary>
    public NiceScale Y { get; }
    /// <summary>Width in CSS pixels.</summary>
    public int Width { get; }
    /// <summary>Height in CSS pixels.</summary>
    public int Height { get; }
    /// <summary>Label under the horizontal axis.</summary>
    public string XLabel { get; init; } = "";
    /// <summary>Label beside the vertical axis.</summary>
    public string YLabel { get; init; } = "";
    /// <summary>Tick label text for the horizontal axis; defaults to the value with the scale's decimals.</summary>
    public Func<double, string>? XTickFormat { get; init; }
    /// <summary>Tick label text for the vertical axis; defaults to the value with the scale's decimals.</summary>
    public Func<double, string>? YTickFormat { get; init; }

    /// <summary>Adds a line through <paramref name="data"/> (non-finite points are left out), with a marker at each point so single points still show.</summary>
    public void AddLine(IEnumerable<(double X, double Y)> data, Rgb colour, bool dashed = false) =>
        lines.Add((data.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList(), colour, dashed));

    /// <summary>Adds a scatter point, optionally labelled beside it.</summary>
    public void AddPoint(double x, double y, Rgb colour, string? label = null)
    {
        if (double.IsFinite(x) && double.IsFinite(y)) points.Add((x, y, colour, label));
    }

    /// <summary>Adds a legend entry: a short line sample in <paramref name="colour"/> and its text.</summary>
    public void AddLegendEntry(string text, Rgb colour, bool dashed = false) => legend.Add((text, colour, dashed));

    /// <summary>The chart as an svg element.</summary>
    public string ToSvg()
    {
        var right = legend.Count == 0 ? 20 : 46 + CharWidth * legend.Max(e => e.Text.Length);
        var plotWidth = Width - Left - right;
        var plotHeight = Height - Top - Bottom;
        double Px(double x) => Left + X.Fraction(x) * plotWidth;
        double Py(double y) => Top + (1 - Y.Fraction(y)) * plotHeight;

        var svg = Svg.Open(Id, Width, Height, Title);
        svg.Text(Width / 2.0, 20, Title, "middle", 15, " font-weight=\"bold\"");
        foreach (var tick in X.Ticks)
        {
            svg.Line(Px(tick), Top, Px(tick), Top + plotHeight, Palette.Grid);
            svg.Text(Px(tick), Top + plotHeight + 17, Format(XTickFormat, X, tick), "middle", 11);
        }
        foreach (var tick in Y.Ticks)
        {
            svg.Line(Left, Py(tick), Left + plotWidth, Py(tick), Palette.Grid);
            svg.Text(Left - 6, Py(tick) + 4, Format(YTickFormat, Y, tick), "end", 11);
        }
        svg.Rect(Left, Top, plotWidth, plotHeight, Rgb.White, " fill-opacity=\"0\" stroke=\"#000000\"");
        svg.Text(Left + plotWidth / 2, Height - 10, XLabel, "middle", 12);
        var yMiddle = Top + plotHeight / 2;
        svg.Text(16, yMiddle, YLabel, "middle", 12, $" transform=\"rotate(-90 16 {Svg.Number(yMiddle)})\"");

        foreach (var (data, colour, dashed) in lines)
        {
            var placed = data.Select(p => (Px(p.X), Py(p.Y))).ToList();
            svg.Polyline(placed, colour, 2.5, dashed);
            foreach (var (x, y) in placed) svg.Circle(x, y, 3, colour);
        }
        foreach (var (x, y, colour, label) in points)
        {
            svg.Circle(Px(x), Py(y), 6, colour);
            if (label is not null) svg.Text(Px(x) + 9, Py(y) - 7, label, "start", 11);
        }
        for (var i = 0; i < legend.Count; i++)
        {
            var (text, colour, dashed) = legend[i];
            var x = Width - right + 12;
            var y = Top + 10 + i * 18;
            svg.Polyline([(x, y), (x + 24, y)], colour, 2.5, dashed);
            svg.Text(x + 30, y + 4, text, "start", 12);
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Format(Func<double, string>? format, NiceScale scale, double value) =>
        format?.Invoke(value) ?? ReportFormat.Fixed(value, scale.Decimals);
}
