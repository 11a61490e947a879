using System.Text.RegularExpressions;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;
using OxyPlot;

namespace ModelZoo.Pipelines.Tests.Reports;

/// <summary>The written report opened in headless Chromium: what a reader would actually see.</summary>
public sealed class HtmlReportBrowserTests
{
    [Fact]
    public async Task RenderedTableHasOneRowPerArchitecture()
    {
        using var folder = new TempDirectory();
        var paths = ReportWriter.WriteAll(ReportFixture.Create(), folder.Path);

        var dom = await HeadlessChromium.Run(paths.Html, "--dump-dom");

        var body = Regex.Match(dom, "<table id=\"results\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var firstCells = Regex.Matches(body, "<tr[^>]*>\\s*<td>([^<]*)</td>").Select(m => m.Groups[1].Value);
        Assert.Equal(["squeezenet1_1", "mobilenet_v2", "weird_net"], firstCells);
        Assert.Matches("<tr class=\"best\">\\s*<td>mobilenet_v2</td>", body);
        Assert.Equal(6, Regex.Matches(dom, "<svg [^>]*class=\"chart\"").Count);
    }

    // Added to a copy of the page (the report itself has no scripts): once everything has loaded, it writes what the
    // browser made of the images, charts and tables into the DOM that --dump-dom prints.
    private const string Probe = """
        <script>
        window.addEventListener('load', () => {
          const size = e => { const r = e.getBoundingClientRect(); return Math.round(r.width) + 'x' + Math.round(r.height); };
          const facts = [
            ...[...document.images].map(i => `${i.id}=${i.complete ? i.naturalWidth + 'x' + i.naturalHeight : 'loading'}`),
            ...[...document.querySelectorAll('svg.chart')].filter(s => s.id.startsWith('pareto')).map(s => `${s.id}=${size(s)}`),
            ...['per-class', 'confused-pairs'].map(id => `${id}=${document.querySelectorAll('#' + id + ' tbody tr').length}rows`),
          ];
          const out = document.createElement('pre');
          out.id = 'probe';
          out.textContent = facts.join(' ');
          document.body.appendChild(out);
        });
        </script>
        """;

    [Fact]
    public async Task NewSectionsAreLaidOutAndTheirImagesDecode()
    {
        using var folder = new TempDirectory();
        var paths = ReportWriter.WriteAll(ReportFixture.Create(), folder.Path);
        var probed = folder.File("probed.html");
        File.WriteAllText(probed, File.ReadAllText(paths.Html).Replace("</body>", Probe + "</body>"));

        var dom = await HeadlessChromium.Run(probed, "--dump-dom");

        var facts = Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>").Groups[1].Value.Split(' ');
        // Each example figure decodes to one grid cell; the charts keep their 600 x 420 (and a 1-px border); one table row per class and per pair.
        var cell = $"{PredictionGridFigure.CellWidth}x{PredictionGridFigure.CellHeight}";
        Assert.Equal([$"confused-pair-1={cell}", $"confused-pair-2={cell}", "pareto-latency=602x422", "pareto-parameters=602x422", "per-class=3rows", "confused-pairs=2rows"], facts);
        Assert.Contains("the most accurate is squeezenet1_1 (50.00% at 2.00 ms)", dom);
    }

    [Fact]
    public async Task ScreenshotShowsTheChartsDrawn()
    {
        using var folder = new TempDirectory();
        var paths = ReportWriter.WriteAll(ReportFixture.Create(), folder.Path);
        var screenshot = folder.File("screenshot.png");

        await HeadlessChromium.Run(paths.Html, "--screenshot=" + screenshot, "--hide-scrollbars");

        var image = ImageDecoder.Decode(screenshot, 3);
        Assert.Equal((1280, 2400), (image.Width, image.Height));
        // Each architecture's colour shows up in the scatter points and both curve charts, nowhere else on the page.
        for (var series = 0; series < 3; series++)
            Assert.True(CountNear(image, Palette.Series(series)) > 300, $"series {series} colour drawn in only {CountNear(image, Palette.Series(series))} pixels");
        Assert.True(CountNear(image, HtmlReport.BestRowColour) > 2000, "best row is not highlighted");
        // The cat row of the best model's confusion matrix is all on the diagonal: one darkest 60-px cell.
        Assert.True(CountNear(image, ConfusionMatrixChart.Full) > 2500, "confusion matrix heat map is missing");
        Assert.True(CountNear(image, Palette.Series(4)) == 0, "an unused series colour appeared");
    }

    /// <summary>Pixels within a small distance of <paramref name="colour"/>; anti-aliased edges fall outside it, the interiors of lines and discs do not.</summary>
    private static int CountNear(Image image, OxyColor colour)
    {
        var count = 0;
        for (var i = 0; i < image.Pixels.Length; i += 3)
            if (Math.Abs(image.Pixels[i] - colour.R) <= 6 && Math.Abs(image.Pixels[i + 1] - colour.G) <= 6 && Math.Abs(image.Pixels[i + 2] - colour.B) <= 6)
                count++;
        return count;
    }
}
