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
        Assert.Equal(4, Regex.Matches(dom, "<svg [^>]*class=\"chart\"").Count);
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
