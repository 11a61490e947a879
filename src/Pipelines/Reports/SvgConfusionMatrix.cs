using System.Globalization;
using ModelZoo.Pipelines.Metrics;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A confusion matrix as an SVG heat map: rows actual, columns predicted, shaded by the row's share so recall is what the eye sees.</summary>
public static class SvgConfusionMatrix
{
    /// <summary>Colour of a cell holding a whole row's examples.</summary>
    public static Rgb Full => new(0x08, 0x30, 0x6b);

    private const int MaxLabelChars = 14;

    /// <summary>Renders <paramref name="matrix"/> as an svg element with id <paramref name="id"/>; counts are printed when the cells are big enough to hold them.</summary>
    public static string Render(string id, ConfusionMatrix matrix, string title)
    {
        var n = matrix.NumberOfClasses;
        var cell = Math.Clamp(560 / n, 8, 48);
        var labels = matrix.ClassNames.Select(l => l.Length <= MaxLabelChars ? l : l[..(MaxLabelChars - 1)] + "…").ToList();
        var labelWidth = 16 + 7 * labels.Max(l => l.Length);
        double left = labelWidth + 24, top = 40;
        // Wide enough for the title too, which for few classes is wider than the grid.
        var width = (int)Math.Max(left + n * cell + 20, 9 * title.Length + 24);
        var height = (int)(top + n * cell + labelWidth * 0.75 + 34);
        var fontSize = Math.Min(12, cell * 0.4);

        var svg = Svg.Open(id, width, height, title);
        svg.Text(width / 2.0, 20, title, "middle", 15, " font-weight=\"bold\"");
        for (var r = 0; r < n; r++)
        {
            var rowTotal = matrix.Counts[r].Sum();
            svg.Text(left - 6, top + (r + 0.5) * cell + 4, labels[r], "end", 11);
            for (var c = 0; c < n; c++)
            {
                var count = matrix.Counts[r][c];
                var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
                double x = left + c * cell, y = top + r * cell;
                svg.Rect(x, y, cell, cell, Rgb.White.Mix(Full, share), " stroke=\"#ffffff\" stroke-width=\"1\"");
                if (cell >= 20)
                    svg.Text(x + cell / 2.0, y + cell / 2.0 + fontSize / 3, count.ToString(CultureInfo.InvariantCulture), "middle", fontSize,
                        share > 0.5 ? " fill=\"#ffffff\"" : "");
            }
        }
        var bottom = top + n * cell;
        for (var c = 0; c < n; c++)
        {
            var x = left + (c + 0.5) * cell;
            svg.Text(x, bottom + 12, labels[c], "end", 11, $" transform=\"rotate(-45 {Svg.Number(x)} {Svg.Number(bottom + 12)})\"");
        }
        svg.Text(12, top + n * cell / 2.0, "actual", "middle", 12, $" transform=\"rotate(-90 12 {Svg.Number(top + n * cell / 2.0)})\"");
        svg.Text(left + n * cell / 2.0, height - 8, "predicted", "middle", 12);
        return svg.Append("</svg>").ToString();
    }
}
