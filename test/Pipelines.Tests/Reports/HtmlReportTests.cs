using System.Globalization;
using System.Text.RegularExpressions;
using ModelZoo.Pipelines.Reports;
using OxyPlot;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly string Html = HtmlReport.Render(ReportFixture.Create());

    private static string Chart(string id) => Regex.Match(Html, $"<svg [^>]*id=\"{id}\".*?</svg>", RegexOptions.Singleline).Value;

    private static string Css(OxyColor colour) => $"rgb({colour.R},{colour.G},{colour.B})";

    /// <summary>The (x, y) of every text element in <paramref name="svg"/> that reads <paramref name="text"/>.</summary>
    private static List<(double X, double Y)> TextPositions(string svg, string text) =>
        Regex.Matches(svg, "<text [^>]*transform=\"translate\\(([-0-9.]+),([-0-9.]+)\\)[^>]*>" + Regex.Escape(text) + "</text>")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();

    [Fact]
    public void PageIsSelfContained()
    {
        Assert.DoesNotContain("<script", Html);
        Assert.DoesNotContain("<link", Html);
        Assert.DoesNotContain("src=", Html);
        Assert.DoesNotContain("@import", Html);
        // The charts' url() references are clip paths inside the page, never a file or an address.
        Assert.All(Regex.Matches(Html, "url\\(([^)]*)\\)"), m => Assert.StartsWith("#", m.Groups[1].Value));
        // The only addresses are SVG namespace names, which browsers never fetch.
        Assert.Equal(["http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg"],
            Regex.Matches(Html, "https?://[^\"]*").Select(m => m.Value).Distinct().Order());
    }

    [Fact]
    public void ElementIdsAreUniqueAcrossCharts()
    {
        var ids = Regex.Matches(Html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("confusion-matrix-clipPath1", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void TextIsEscaped()
    {
        Assert.Contains("<h1>CIFAR-3 &lt;smoke&gt; comparison</h1>", Html);
        Assert.Contains("<td>A|B &lt;v2&gt; &amp; co</td>", Html);
        Assert.DoesNotContain("<v2>", Html);
    }

    [Fact]
    public void BestRowIsHighlighted() => Assert.Contains("#results tr.best { background: #fff0b3;", Html);

    [Fact]
    public void EveryChartIsAnSvgWithItsId()
    {
        var ids = Regex.Matches(Html, "<svg [^>]*id=\"([^\"]+)\" class=\"chart\"").Select(m => m.Groups[1].Value);

        Assert.Equal(["accuracy-vs-macs", "loss-curves", "accuracy-curves", "confusion-matrix"], ids);
    }

    [Fact]
    public void AccuracyVersusMacsPlacesEachArchitectureByItsNumbers()
    {
        var chart = Chart("accuracy-vs-macs");
        var squeezenet = TextPositions(chart, "squeezenet1_1");
        var mobilenet = TextPositions(chart, "mobilenet_v2");
        var weird = TextPositions(chart, "weird_net");

        // Each name labels its point, and again in the legend.
        Assert.All([squeezenet, mobilenet, weird], positions => Assert.Equal(2, positions.Count));
        // 75% is above 50%; 12K MACs is far left of 300M and 349M, which sit close together on the log axis.
        Assert.True(mobilenet[0].Y < squeezenet[0].Y - 50, $"mobilenet_v2 at y={mobilenet[0].Y}, squeezenet1_1 at y={squeezenet[0].Y}");
        Assert.True(weird[0].X < mobilenet[0].X - 300, $"weird_net at x={weird[0].X}, mobilenet_v2 at x={mobilenet[0].X}");
        Assert.InRange(squeezenet[0].X - mobilenet[0].X, 0, 30);
        Assert.All(["10K", "1M", "100M"], tick => Assert.Single(TextPositions(chart, tick)));
        Assert.Contains(">MACs per image (log scale)</text>", chart);
        Assert.Contains($"fill:{Css(Palette.Series(2))}", chart);
    }

    [Fact]
    public void CurvesHaveATrainAndAValidationLinePerArchitecture()
    {
        var loss = Chart("loss-curves");

        var lines = Regex.Matches(loss, $"<polyline points=\"([^\"]+)\" style=\"[^\"]*stroke:{Regex.Escape(Css(Palette.Series(0)))};[^\"]*\"")
            .Select(m => (Points: m.Groups[1].Value.Split(' '), Dashed: m.Value.Contains("dasharray"))).ToList();
        double Y(string point) => double.Parse(point.Split(',')[1], CultureInfo.InvariantCulture);

        // Squeezenet (series 0): a solid line over 3 epochs and its legend sample (2 points), and a dashed line over 3.
        Assert.Equal([3, 2], lines.Where(l => !l.Dashed).Select(l => l.Points.Length));
        Assert.Equal([3], lines.Where(l => l.Dashed).Select(l => l.Points.Length));
        // Loss falls, so the line runs down the picture (SVG y grows downwards).
        var train = lines[0].Points;
        Assert.True(Y(train[0]) < Y(train[1]) && Y(train[1]) < Y(train[2]), string.Join(' ', train));
        Assert.Single(TextPositions(loss, "squeezenet1_1"));
        Assert.Single(TextPositions(loss, "validation"));
        // The key's dashes are as long as the PNG's: three line widths and more, not dots.
        Assert.Matches("stroke:black;stroke-width:2.5;[^\"]*stroke-dasharray:10,2.5", loss);
    }

    [Fact]
    public void ConfusionCellsShowCountsInTheirPlace()
    {
        var matrix = Chart("confusion-matrix");
        var cells = Regex.Matches(matrix, "<text [^>]*translate\\(([-0-9.]+),([-0-9.]+)\\)[^>]*fill=\"([^\"]+)\">(\\d+)</text>")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                Fill: m.Groups[3].Value, Count: m.Groups[4].Value))
            .OrderBy(c => Math.Round(c.Y)).ThenBy(c => c.X).ToList();

        // Rows are actual classes top to bottom (cat, dog, bird), columns predicted, as in the Markdown table.
        Assert.Equal(["2", "0", "0", "1", "1", "0", "0", "1", "3"], cells.Select(c => c.Count));
        // Counts on dark cells are white: cat is 2 of 2, bird 3 of 4.
        Assert.Equal([0, 8], cells.Select((c, i) => (c, i)).Where(p => p.c.Fill == "rgb(255,255,255)").Select(p => p.i));
        // A full row (cat: 2 of 2) gets the darkest shade.
        Assert.Contains($"fill:{Css(ConfusionMatrixChart.Full)}", matrix);
        Assert.Contains(">predicted</text>", matrix);
        Assert.Contains(">actual</text>", matrix);
    }

    [Fact]
    public void DivergedLossesLeaveAGapInsteadOfFailing()
    {
        var report = ReportFixture.Create();
        var history = report.Results[0].History.Select(e => e.Epoch == 2 ? e with { TrainLoss = double.NaN } : e).ToList();
        var diverged = report with { Results = [report.Results[0] with { History = history }, .. report.Results.Skip(1)] };

        var loss = Regex.Match(HtmlReport.Render(diverged), "<svg [^>]*id=\"loss-curves\".*?</svg>", RegexOptions.Singleline).Value;

        // The solid squeezenet line no longer runs through epoch 2: no 3-point line is left, only the legend sample's.
        var solid = Regex.Matches(loss, $"<polyline points=\"([^\"]+)\" style=\"[^\"]*stroke:{Regex.Escape(Css(Palette.Series(0)))};[^\"]*\"")
            .Where(m => !m.Value.Contains("dasharray")).Select(m => m.Groups[1].Value.Split(' ').Length);
        Assert.DoesNotContain(3, solid);
        Assert.DoesNotContain("NaN", loss);
    }
}
