using System.Globalization;
using System.Net;
using System.Text;

namespace ModelZoo.Pipelines.Reports;

/// <summary>The few SVG elements the charts use, with invariant numbers and escaped text.</summary>
internal static class Svg
{
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static StringBuilder Line(this StringBuilder svg, double x1, double y1, double x2, double y2, Rgb colour, double width = 1) =>
        svg.Append($"<line x1=\"{Number(x1)}\" y1=\"{Number(y1)}\" x2=\"{Number(x2)}\" y2=\"{Number(y2)}\" stroke=\"{colour.ToHex()}\" stroke-width=\"{Number(width)}\"/>");

    public static StringBuilder Rect(this StringBuilder svg, double x, double y, double width, double height, Rgb fill, string extra = "") =>
        svg.Append($"<rect x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{Number(width)}\" height=\"{Number(height)}\" fill=\"{fill.ToHex()}\"{extra}/>");

    public static StringBuilder Circle(this StringBuilder svg, double x, double y, double radius, Rgb fill) =>
        svg.Append($"<circle cx=\"{Number(x)}\" cy=\"{Number(y)}\" r=\"{Number(radius)}\" fill=\"{fill.ToHex()}\"/>");

    /// <summary>Text anchored at (x, y); <paramref name="anchor"/> is start, middle or end; <paramref name="extra"/> adds raw attributes.</summary>
    public static StringBuilder Text(this StringBuilder svg, double x, double y, string text, string anchor = "start", double size = 12, string extra = "") =>
        svg.Append($"<text x=\"{Number(x)}\" y=\"{Number(y)}\" text-anchor=\"{anchor}\" font-size=\"{Number(size)}\"{extra}>{Escape(text)}</text>");

    public static StringBuilder Polyline(this StringBuilder svg, IEnumerable<(double X, double Y)> points, Rgb colour, double width, bool dashed) =>
        svg.Append($"<polyline fill=\"none\" stroke=\"{colour.ToHex()}\" stroke-width=\"{Number(width)}\" stroke-linejoin=\"round\"")
            .Append(dashed ? " stroke-dasharray=\"7 4\"" : "")
            .Append(" points=\"").AppendJoin(' ', points.Select(p => Number(p.X) + "," + Number(p.Y))).Append("\"/>");

    /// <summary>Opens an svg element with a white background; the caller appends the content and <c>&lt;/svg&gt;</c>.</summary>
    public static StringBuilder Open(string id, int width, int height, string label) =>
        new StringBuilder()
            .Append($"<svg id=\"{Escape(id)}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Escape(label)}\">")
            .Rect(0, 0, width, height, Rgb.White);
}
