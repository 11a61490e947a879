using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void WritesTheFiguresReportMdLinksAndNothingElse()
    {
        using var folder = new TempDirectory();
        // A figure of an earlier report that had more pairs.
        File.WriteAllText(folder.File("confused-pair-3.png"), "stale");

        var paths = ReportWriter.WriteAll(ReportFixture.Create(), folder.Path);

        Assert.Equal(["confused-pair-1.png", "confused-pair-2.png", "report.html", "report.json", "report.md"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
        var linked = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(paths.Markdown), "\\]\\(([^)]+\\.png)\\)").Select(m => m.Groups[1].Value);
        Assert.Equal(["confused-pair-1.png", "confused-pair-2.png"], linked);
        foreach (var (file, testRow) in new[] { ("confused-pair-1.png", 3), ("confused-pair-2.png", 7) })
        {
            var image = ImageDecoder.Decode(Path.Combine(folder.Path, file), 3);
            var middle = PredictionGridFigure.Padding + PredictionGridFigure.ImageSize / 2;
            Assert.True(ChartPixels.IsNear(image, middle, middle, ReportFixture.ExampleColour(testRow)), $"{file} does not show test row {testRow}");
        }
    }

    [Fact]
    public void WithoutExampleImagesNoFiguresAreWritten()
    {
        using var folder = new TempDirectory();
        var report = ReportFixture.Create();
        var withoutImages = report with { Results = [.. report.Results.Select(r => r with { ConfusedExamples = [.. r.ConfusedExamples.Select(e => e with { Images = [] })] })] };
        File.WriteAllText(folder.File("confused-pair-1.png"), "stale");

        var paths = ReportWriter.WriteAll(withoutImages, folder.Path);

        Assert.Empty(Directory.GetFiles(folder.Path, "*.png"));
        Assert.DoesNotContain(".png", File.ReadAllText(paths.Markdown));
        Assert.Contains("| bird | dog | 1 | 1 | 2 |", File.ReadAllLines(paths.Markdown));
    }
}
