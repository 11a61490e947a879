using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class MarkdownReportTests
{
    private static readonly string[] Lines = MarkdownReport.Render(ReportFixture.Create()).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void TableHasAHeaderAndOneRowPerArchitecture()
    {
        var header = Array.IndexOf(Lines, "| Architecture | Family | Params | MACs | Model size | Train time (s) | Train img/s | Latency (ms, batch 1) | Inference img/s | Top-1 | Top-2 | Log-loss | Recipe |");

        Assert.True(header >= 0, "header row missing");
        Assert.Equal("| :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :--- |", Lines[header + 1]);
        Assert.Equal("| squeezenet1_1 | SqueezeNet | 1.24M | 349M | 4.7 MiB | 33.2 | 401.5 | 2.00 | 1250.0 | 50.00% | 75.00% | 1.2629 | adamw lr 0.003, batch 128 |", Lines[header + 2]);
        Assert.Equal("| weird_net | A\\|B &lt;v2> & co | 950 | 12K | 4.9 KiB | 33.2 | 401.5 | 4.00 | 1250.0 | 37.50% | 62.50% | 1.5228 | adamw lr 0.004, batch 128 |", Lines[header + 4]);
        Assert.Equal("", Lines[header + 5]);
    }

    [Fact]
    public void BestRowIsBold()
    {
        Assert.Contains("| **mobilenet_v2** | **MobileNet** | **3.50M** | **301M** | **13.4 MiB** | **33.2** | **401.5** | **5.00** | **1250.0** | **75.00%** | **87.50%** | **0.7430** | **adamw lr 0.004, batch 128** |", Lines);
    }

    [Fact]
    public void BestConfusionMatrixFollowsTheTable()
    {
        var heading = Array.IndexOf(Lines, "## Confusion matrix: mobilenet_v2");

        Assert.True(heading > 0, "confusion matrix heading missing");
        string[] expected =
        [
            "| actual \\ predicted | cat | dog | bird |",
            "| :--- | ---: | ---: | ---: |",
            "| cat | 2 | 0 | 0 |",
            "| dog | 1 | 1 | 0 |",
            "| bird | 0 | 1 | 3 |",
        ];
        Assert.Equal(expected, Lines.Skip(heading + 4).Take(5));
    }

    [Fact]
    public void SettingsAreListed()
    {
        Assert.Equal("# CIFAR-3 &lt;smoke> comparison", Lines[0]);
        Assert.Contains("- **Train / test images:** 5000 / 8", Lines);
        Assert.Contains("- **Machine:** 2 cores, libtorch 1.13.0", Lines);
        Assert.Contains("- **Created (UTC):** 2024-05-06 07:08", Lines);
    }

    /// <summary>The lines after the heading <paramref name="heading"/> and its blank line, up to the next blank line.</summary>
    private static IEnumerable<string> Block(string heading, int skip = 0) =>
        Lines.SkipWhile(l => l != heading).Skip(2).SkipWhile((_, i) => i < skip).TakeWhile(l => l != "");

    [Fact]
    public void RecommendationAndFrontsFollowTheTable()
    {
        var recommendation = Assert.Single(Block("## Which to pick"));

        Assert.StartsWith("mobilenet_v2 has the best top-1 accuracy (75.00%). Within a latency budget of 4.00 ms", recommendation);
        Assert.EndsWith("No model smaller than mobilenet_v2 comes within 1 percentage point of its top-1 accuracy.", recommendation);
        Assert.Equal(["- **Latency:** squeezenet1_1, mobilenet_v2", "- **Parameters:** weird_net, squeezenet1_1, mobilenet_v2"], Block("## Pareto fronts", skip: 2));
        Assert.True(Array.IndexOf(Lines, "## Which to pick") < Array.IndexOf(Lines, "## Confusion matrix: mobilenet_v2"));
    }

    [Fact]
    public void ConfusedPairsTableLinksTheFigures()
    {
        var section = Lines.SkipWhile(l => l != "## Most-confused classes").ToList();

        Assert.Equal(
        [
            "| Actual | Predicted | squeezenet1_1 | mobilenet_v2 | weird_net |",
            "| :--- | :--- | ---: | ---: | ---: |",
            "| dog | cat | 1 | 1 | 1 |",
            "| bird | dog | 1 | 1 | 2 |",
        ], section.Skip(4).Take(4));
        Assert.Contains("![dog predicted as cat](confused-pair-1.png)", section);
        Assert.Contains("**bird predicted as dog: 1 of the 4 test images of bird**", section);
        Assert.Contains("![bird predicted as dog](confused-pair-2.png)", section);
    }

    [Fact]
    public void PerClassTableBoldsTheHighestOfEachRowWhereModelsDiffer()
    {
        // Every model finds one of the two dogs: no recall stands out in that row.
        string[] expected =
        [
            "| Class | squeezenet1_1 P | squeezenet1_1 R | mobilenet_v2 P | mobilenet_v2 R | weird_net P | weird_net R |",
            "| :--- | ---: | ---: | ---: | ---: | ---: | ---: |",
            "| cat | 33.33% | 50.00% | **66.67%** | **100.00%** | 33.33% | 50.00% |",
            "| dog | 33.33% | 50.00% | **50.00%** | 50.00% | 33.33% | 50.00% |",
            "| bird | **100.00%** | 50.00% | **100.00%** | **75.00%** | 50.00% | 25.00% |",
        ];
        Assert.Equal(expected, Block("## Precision and recall per class", skip: 2));
    }
}
