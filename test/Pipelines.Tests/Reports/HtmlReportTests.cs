using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ModelZoo.Pipelines.Imaging;
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
        // The example images travel inside the page.
        Assert.Equal(2, Regex.Matches(Html, "src=").Count);
        Assert.All(Regex.Matches(Html, "src=\"([^\"]*)\""), m => Assert.StartsWith("data:image/png;base64,", m.Groups[1].Value));
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

        Assert.Equal(["accuracy-vs-macs", "pareto-latency", "pareto-parameters", "loss-curves", "accuracy-curves", "confusion-matrix"], ids);
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

    /// <summary>The cells of each body row of the table with id <paramref name="id"/>, tags stripped and entities decoded.</summary>
    private static List<string[]> TableRows(string html, string id)
    {
        var body = Regex.Match(html, $"<table id=\"{id}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(cell => WebUtility.HtmlDecode(cell.Groups[1].Value)).ToArray())
            .ToList();
    }

    [Theory]
    [InlineData("pareto-latency", new[] { "squeezenet1_1", "mobilenet_v2" }, new[] { "weird_net" })]
    [InlineData("pareto-parameters", new[] { "weird_net", "squeezenet1_1", "mobilenet_v2" }, new string[0])]
    public void ParetoChartsJoinAndRingTheFront(string id, string[] front, string[] dominated)
    {
        var chart = Chart(id);
        var frontColour = Regex.Escape(Css(ParetoCharts.FrontColour));
        var ringed = Regex.Matches(chart, $"<ellipse cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"[^>]*stroke:{frontColour};")
            .Select(m => (X: m.Groups[1].Value, Y: m.Groups[2].Value)).ToList();
        var lines = Regex.Matches(chart, $"<polyline points=\"([^\"]+)\" style=\"[^\"]*stroke:{frontColour};").Select(m => m.Groups[1].Value).ToList();
        var bold = Regex.Matches(chart, "<text [^>]*font-weight=\"700\"[^>]*>([^<]+)</text>").Select(m => m.Groups[1].Value).Where(t => !t.StartsWith("Accuracy"));
        var faded = Regex.Matches(chart, "<ellipse [^>]*fill-opacity[^>]*>").Count;

        // The front's names are bold and only theirs; its points are ringed and joined by one line, cheapest first.
        Assert.Equal(front.Order(), bold.Order());
        Assert.Equal(front.Length, ringed.Count);
        Assert.Contains(string.Join(' ', ringed.OrderBy(p => double.Parse(p.X, CultureInfo.InvariantCulture)).Select(p => $"{p.X},{p.Y}")), lines);
        Assert.Equal(dominated.Length, faded);
        Assert.All(dominated, name => Assert.Single(TextPositions(chart, name)));
        Assert.Contains(">Pareto front</text>", chart);
    }

    [Fact]
    public void RecommendationFollowsTheTable()
    {
        var paragraph = Regex.Match(Html, "<p id=\"recommendation\"[^>]*>(.*?)</p>").Groups[1].Value;

        Assert.StartsWith("mobilenet_v2 has the best top-1 accuracy (75.00%). Within a latency budget of 4.00 ms", paragraph);
        Assert.Contains("the most accurate is squeezenet1_1 (50.00% at 2.00 ms)", paragraph);
        Assert.True(Html.IndexOf("id=\"results\"", StringComparison.Ordinal) < Html.IndexOf("id=\"recommendation\"", StringComparison.Ordinal));
    }

    [Fact]
    public void PerClassTableHasEveryModelsPrecisionAndRecall()
    {
        var rows = TableRows(Html, "per-class");
        var highest = Regex.Matches(Regex.Match(Html, "<table id=\"per-class\">.*?</table>", RegexOptions.Singleline).Value, "<td class=\"number highest\">([^<]*)</td>").Count;

        // Per model P then R: squeezenet1_1, mobilenet_v2, weird_net. Dog's recall is 1 of 2 for all three.
        Assert.Equal(["cat", "33.33%", "50.00%", "66.67%", "100.00%", "33.33%", "50.00%"], rows[0]);
        Assert.Equal(["dog", "33.33%", "50.00%", "50.00%", "50.00%", "33.33%", "50.00%"], rows[1]);
        Assert.Equal(["bird", "100.00%", "50.00%", "100.00%", "75.00%", "50.00%", "25.00%"], rows[2]);
        // Highest in its row: cat 2 (mobilenet_v2's P and R), dog 1 (mobilenet_v2's P; the equal Rs are not marked), bird 3 (two Ps of 100%, mobilenet_v2's R).
        Assert.Equal(6, highest);
        Assert.Contains("<th colspan=\"2\">weird_net</th>", Html);
    }

    [Fact]
    public void ConfusedPairsAreTheBestModelsWithEveryModelsCount()
    {
        var rows = TableRows(Html, "confused-pairs");

        // mobilenet_v2 mistakes one dog for a cat and one bird for a dog; weird_net takes two birds for dogs.
        Assert.Equal([["dog", "cat", "1", "1", "1"], ["bird", "dog", "1", "1", "2"]], rows);
        Assert.Contains("<figcaption>bird predicted as dog: 1 of the 4 test images of bird</figcaption>", Html);
    }

    [Fact]
    public void ConfusedPairImagesAreEmbeddedPngsOfTheTestRows()
    {
        var images = Regex.Matches(Html, "<img id=\"(confused-pair-\\d)\" alt=\"([^\"]*)\" src=\"data:image/png;base64,([^\"]+)\">")
            .ToDictionary(m => m.Groups[1].Value, m => ImageDecoder.Decode(Convert.FromBase64String(m.Groups[3].Value), 3));

        Assert.Equal(["confused-pair-1", "confused-pair-2"], images.Keys);
        foreach (var (id, testRow) in new[] { ("confused-pair-1", 3), ("confused-pair-2", 7) })
        {
            var image = images[id];
            // One example each: a single grid cell, the 16-px square scaled into the middle of its 96-px box.
            Assert.Equal((PredictionGridFigure.CellWidth, PredictionGridFigure.CellHeight), (image.Width, image.Height));
            var middle = PredictionGridFigure.Padding + PredictionGridFigure.ImageSize / 2;
            Assert.True(ChartPixels.IsNear(image, middle, middle, ReportFixture.ExampleColour(testRow)), $"{id} does not show test row {testRow}");
        }
    }

    [Fact]
    public void APerfectBestModelHasNoConfusedPairs()
    {
        var report = ReportFixture.Create();
        var perfect = ReportFixture.Result("perfect_net", "Perfect", 10_000, 10_000, 1.0, 0.0, ReportFixture.Labels);

        var html = HtmlReport.Render(report with { Results = [.. report.Results, perfect] });

        Assert.Contains("<p>perfect_net made no mistakes on the test set.</p>", html);
        Assert.DoesNotContain("id=\"confused-pairs\"", html);
        Assert.DoesNotContain("<img", html);
    }
}
