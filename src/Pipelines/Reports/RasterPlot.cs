namespace ModelZoo.Pipelines.Reports;

/// <summary>One x/y panel on a <see cref="Canvas"/>: grid, frame, tick labels, title, legend and lines, using the same <see cref="NiceScale"/> as the SVG charts.</summary>
internal sealed class RasterPlot(Canvas canvas, int left, int top, int width, int height, NiceScale x, NiceScale y)
{
    public const int TextScale = 2;
    private const int TextHeight = BitmapFont.GlyphHeight * TextScale;

    public int Px(double value) => left + (int)Math.Round(x.Fraction(value) * width);

    public int Py(double value) => top + (int)Math.Round((1 - y.Fraction(value)) * height);

    /// <summary>Grid lines and tick labels, the frame, the title above the plot and the x-axis label below it.</summary>
    public void DrawAxes(string title, string xLabel)
    {
        foreach (var tick in x.Ticks)
        {
            canvas.DrawLine(Px(tick), top, Px(tick), top + height, Palette.Grid);
            var label = ReportFormat.Fixed(tick, x.Decimals);
            canvas.DrawText(Px(tick) - BitmapFont.Measure(label, TextScale) / 2, top + height + 8, label, Rgb.Black, TextScale);
        }
        foreach (var tick in y.Ticks)
        {
            canvas.DrawLine(left, Py(tick), left + width, Py(tick), Palette.Grid);
            var label = ReportFormat.Fixed(tick, y.Decimals);
            canvas.DrawText(left - 8 - BitmapFont.Measure(label, TextScale), Py(tick) - TextHeight / 2, label, Rgb.Black, TextScale);
        }
        canvas.DrawLine(left, top, left + width, top, Rgb.Black);
        canvas.DrawLine(left, top + height, left + width, top + height, Rgb.Black);
        canvas.DrawLine(left, top, left, top + height, Rgb.Black);
        canvas.DrawLine(left + width, top, left + width, top + height, Rgb.Black);
        canvas.DrawText(left, top - TextHeight - 12, title, Rgb.Black, TextScale);
        canvas.DrawText(left + (width - BitmapFont.Measure(xLabel, TextScale)) / 2, top + height + 16 + TextHeight, xLabel, Rgb.Black, TextScale);
    }

    /// <summary>Legend entries right-aligned on the title's row: a line sample and the text.</summary>
    public void DrawLegend(IReadOnlyList<(string Text, Rgb Colour)> entries)
    {
        const int sample = 20, gap = 6, spacing = 18;
        var total = entries.Sum(e => sample + gap + BitmapFont.Measure(e.Text, TextScale)) + spacing * (entries.Count - 1);
        var position = left + width - total;
        var row = top - TextHeight - 12;
        foreach (var (text, colour) in entries)
        {
            canvas.DrawLine(position, row + TextHeight / 2, position + sample, row + TextHeight / 2, colour, 3);
            canvas.DrawText(position + sample + gap, row, text, Rgb.Black, TextScale);
            position += sample + gap + BitmapFont.Measure(text, TextScale) + spacing;
        }
    }

    /// <summary>A 3-pixel line through the finite points, with a dot on each so a single epoch still shows.</summary>
    public void DrawSeries(IEnumerable<(double X, double Y)> points, Rgb colour)
    {
        var placed = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => (X: Px(p.X), Y: Py(p.Y))).ToList();
        for (var i = 1; i < placed.Count; i++)
            canvas.DrawLine(placed[i - 1].X, placed[i - 1].Y, placed[i].X, placed[i].Y, colour, 3);
        foreach (var (px, py) in placed) canvas.FillCircle(px, py, 4, colour);
    }
}
