using System.Globalization;
using Microsoft.ML.Data;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A confusion matrix as a heat map: rows actual, columns predicted, shaded by the row's share so recall is what the eye sees.</summary>
public static class ConfusionMatrixChart
{
    /// <summary>Colour of a cell holding a whole row's examples.</summary>
    public static OxyColor Full => OxyColor.FromRgb(0x08, 0x30, 0x6b);

    private const int MaxLabelChars = 14;
    // Cells shrink with more classes to keep the grid about 560 px wide, but few classes should not give giant tiles.
    private const int MaxCell = 60;
    // Rough width of one character of the 12-px chart font, to leave room for the class names beside and under the grid.
    private const double CharWidth = 7.5;
    // The title line above the plot area, which the margins do not include.
    private const int TitleHeight = 40;
    // Counts are printed only in cells this big; smaller ones (many classes) would be a blur of digits.
    private const int MinCellForCounts = 20;

    /// <summary>
    /// Renders ML.NET's <paramref name="matrix"/> as an svg element with id <paramref name="id"/>, titled <paramref name="title"/>;
    /// <paramref name="classNames"/> name its rows and columns in key order.
    /// </summary>
    public static string Render(string id, ConfusionMatrix matrix, IReadOnlyList<string> classNames, string title)
    {
        var n = matrix.NumberOfClasses;
        var cell = Math.Clamp(560 / n, 8, MaxCell);
        var labels = classNames.Select(l => l.Length <= MaxLabelChars ? l : l[..(MaxLabelChars - 1)] + "…").ToList();
        var labelWidth = CharWidth * labels.Max(l => l.Length);
        // Fixed margins make the cells square: the left one holds the class names and the axis title, the bottom one
        // the names turned by 45 degrees and the axis title, the right one the colour bar and its labels.
        var margins = new OxyThickness(labelWidth + 44, 12, 110, labelWidth * 0.71 + 54);
        // Wide enough for the title too (15-px bold, about 1.3 times as wide as the labels), which for few classes is wider than the grid.
        var width = (int)Math.Max(margins.Left + n * cell + margins.Right, CharWidth * 1.3 * title.Length + 40);
        var height = (int)(TitleHeight + margins.Top + n * cell + margins.Bottom);
        return InlineSvg.Render(Model(matrix, title, labels, cell, margins), id, width, height);
    }

    private static PlotModel Model(ConfusionMatrix matrix, string title, IReadOnlyList<string> labels, int cell, OxyThickness margins)
    {
        var n = matrix.NumberOfClasses;
        var model = ChartStyle.Model(title);
        model.PlotMargins = margins;
        // One label per category unless they would overlap (about 14 px of text per label).
        var labelStep = Math.Max(1, (int)Math.Ceiling(14.0 / cell));
        var predicted = new CategoryAxis { Position = AxisPosition.Bottom, Title = "predicted", Angle = -45, MajorStep = labelStep, TickStyle = TickStyle.None };
        // Reversed, so the first class is the top row as in the Markdown table.
        var actual = new CategoryAxis { Position = AxisPosition.Left, Title = "actual", StartPosition = 1, EndPosition = 0, MajorStep = labelStep, TickStyle = TickStyle.None };
        predicted.Labels.AddRange(labels);
        actual.Labels.AddRange(labels);
        model.Axes.Add(predicted);
        model.Axes.Add(actual);
        model.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Title = "share of the actual class",
            Palette = OxyPalette.Interpolate(101, OxyColors.White, Full),
            Minimum = 0,
            Maximum = 1,
            MajorStep = 0.25,
            MinorStep = 0.25,
            LabelFormatter = share => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        });

        var counts = new long[n, n];
        var shares = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            var total = matrix.Counts[row].Sum();
            for (var column = 0; column < n; column++)
            {
                // HeatMapSeries indexes [x, y]: predicted first, then actual.
                counts[column, row] = (long)matrix.Counts[row][column];
                shares[column, row] = total == 0 ? 0 : matrix.Counts[row][column] / total;
            }
        }
        model.Series.Add(new CountLabelledHeatMapSeries(counts)
        {
            X0 = 0,
            X1 = n - 1,
            Y0 = 0,
            Y1 = n - 1,
            Data = shares,
            CoordinateDefinition = HeatMapCoordinateDefinition.Center,
            // Vector rectangles rather than an embedded bitmap, so the SVG stays text and scales crisply.
            RenderMethod = HeatMapRenderMethod.Rectangles,
            // A fraction of the cell height.
            LabelFontSize = cell >= MinCellForCounts ? 0.3 : 0,
        });
        return model;
    }
}
