using System.Text.RegularExpressions;
using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly string Html = HtmlReport.Render(ReportFixture.Create());

    [Fact]
    public void PageIsSelfContained()
    {
        Assert.DoesNotContain("<script", Html);
        Assert.DoesNotContain("<link", Html);
        Assert.DoesNotContain("src=", Html);
        Assert.DoesNotContain("url(", Html);
        Assert.DoesNotContain("@import", Html);
        // The only address is the SVG namespace, which browsers never fetch.
        Assert.Equal(["http://www.w3.org/2000/svg"], Regex.Matches(Html, "https?://[^\"]*").Select(m => m.Value).Distinct());
    }

    [Fact]
    public void TextIsEscaped()
    {
        Assert.Contains("<h1>CIFAR-3 &lt;smoke&gt; comparison</h1>", Html);
        Assert.Contains("<td>A|B &lt;v2&gt; &amp; co</td>", Html);
        Assert.DoesNotContain("<v2>", Html);
    }

    [Fact]
    public void EveryChartIsAnSvgWithItsId()
    {
        var ids = Regex.Matches(Html, "<svg id=\"([^\"]+)\" class=\"chart\"").Select(m => m.Groups[1].Value);

        Assert.Equal(["accuracy-vs-macs", "loss-curves", "accuracy-curves", "confusion-matrix"], ids);
    }

    [Fact]
    public void CurvesHaveATrainAndAValidationLinePerArchitecture()
    {
        var loss = Regex.Match(Html, "<svg id=\"loss-curves\".*?</svg>", RegexOptions.Singleline).Value;

        var lines = Regex.Matches(loss, "<polyline [^>]*stroke=\"#1f77b4\"[^>]*/>").Select(m => m.Value).ToList();
        int Points(string line) => Regex.Match(line, "points=\"([^\"]+)\"").Groups[1].Value.Split(' ').Length;

        // Squeezenet (series 0): a solid line over 3 epochs, its legend sample (2 points), and a dashed line over 3.
        Assert.Equal([3, 2], lines.Where(l => !l.Contains("dasharray")).Select(Points));
        Assert.Equal([3], lines.Where(l => l.Contains("dasharray")).Select(Points));
        Assert.Contains(">squeezenet1_1</text>", loss);
        Assert.Contains(">validation</text>", loss);
    }

    [Fact]
    public void ConfusionCellsShowCounts()
    {
        var matrix = Regex.Match(Html, "<svg id=\"confusion-matrix\".*?</svg>", RegexOptions.Singleline).Value;
        var counts = Regex.Matches(matrix, "font-size=\"12\"(?: fill=\"#ffffff\")?>(\\d+)</text>").Select(m => m.Groups[1].Value);

        Assert.Equal(["2", "0", "0", "1", "1", "0", "0", "1", "3"], counts);
        // A full row (cat: 2 of 2) gets the darkest shade.
        Assert.Contains($"fill=\"{SvgConfusionMatrix.Full.ToHex()}\"", matrix);
    }
}
