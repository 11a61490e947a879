using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OxyPlot;
using OxyPlot.SkiaSharp;

namespace ModelZoo.Pipelines.Reports;

/// <summary>A chart as an svg element to paste into an HTML page, several per page, with no external resources.</summary>
internal static class InlineSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>
    /// Exports <paramref name="model"/> at <paramref name="width"/> × <paramref name="height"/> CSS pixels as an svg element
    /// with id <paramref name="id"/>, class <c>chart</c> and <paramref name="model"/>'s title as its accessible name.
    /// </summary>
    public static string Render(PlotModel model, string id, int width, int height)
    {
        // Text is laid out with the real font's metrics. Shaping would need libHarfBuzzSharp, which is not shipped;
        // the browser shapes SVG text itself.
        using var measurer = new SkiaRenderContext { UseTextShaping = false };
        // OxyPlot's own SVG writer, not Skia's: it keeps lines, markers and text as SVG elements rather than paths.
        var exporter = new OxyPlot.SvgExporter { Width = width, Height = height, IsDocument = false, TextMeasurer = measurer };
        var svg = XDocument.Parse(exporter.ExportToString(model)).Root!;
        svg.SetAttributeValue("id", id);
        svg.SetAttributeValue("class", "chart");
        svg.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-label", model.Title);
        MakeClipIdsUnique(svg, id);
        ScaleDashes(svg);
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    // OxyPlot numbers clip paths clipPath1, clipPath2, ... in every chart, and ids are shared by the whole page:
    // a second chart would clip to the first one's rectangles.
    private static void MakeClipIdsUnique(XElement svg, string prefix)
    {
        foreach (var clipPath in svg.Descendants(Svg + "clipPath"))
        {
            var old = (string)clipPath.Attribute("id")!;
            var renamed = prefix + "-" + old;
            clipPath.SetAttributeValue("id", renamed);
            foreach (var user in svg.Descendants().Attributes("clip-path").Where(a => a.Value == $"url(#{old})"))
                user.Value = $"url(#{renamed})";
        }
    }

    // OxyPlot's renderers read dash lengths in multiples of the line width, as its PNG renderer draws them, but its SVG
    // writer copies them out as pixels, which turns a 2.5-px dashed line into dots. Scale them as the PNG renderer does.
    private static void ScaleDashes(XElement svg)
    {
        foreach (var style in svg.Descendants().Attributes("style"))
        {
            var width = Regex.Match(style.Value, "stroke-width:([0-9.]+)");
            var dashes = Regex.Match(style.Value, "stroke-dasharray:([0-9.,]+)");
            if (!width.Success || !dashes.Success) continue;
            var factor = double.Parse(width.Groups[1].Value, CultureInfo.InvariantCulture);
            var scaled = dashes.Groups[1].Value.Split(',')
                .Select(length => (double.Parse(length, CultureInfo.InvariantCulture) * factor).ToString(CultureInfo.InvariantCulture));
            style.Value = style.Value.Replace(dashes.Value, "stroke-dasharray:" + string.Join(',', scaled));
        }
    }
}
