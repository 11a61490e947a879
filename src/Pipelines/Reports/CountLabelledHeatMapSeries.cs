using System.Globalization;
using OxyPlot.Series;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// A heat map coloured by one value per cell and labelled with another, integer, one: a confusion matrix is shaded
/// by each row's share, so recall is what the eye sees, while its cells show the counts behind it.
/// </summary>
internal sealed class CountLabelledHeatMapSeries(long[,] counts) : HeatMapSeries
{
    /// <summary>The count of cell (<paramref name="i"/>, <paramref name="j"/>), indexed like <see cref="HeatMapSeries.Data"/>.</summary>
    protected override string GetLabel(double v, int i, int j) => counts[i, j].ToString(CultureInfo.InvariantCulture);
}
