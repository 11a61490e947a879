using System.Text.Json;
using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class JsonReportTests
{
    private static JsonElement Render() => JsonDocument.Parse(JsonReport.Render(ReportFixture.Create())).RootElement;

    [Fact]
    public void SettingsUseSnakeCaseKeys()
    {
        var json = Render();

        Assert.Equal("CIFAR-3 <smoke> comparison", json.GetProperty("title").GetString());
        Assert.Equal(["cat", "dog", "bird"], json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(5000, json.GetProperty("train_count").GetInt32());
        Assert.Equal(32, json.GetProperty("input_size").GetInt32());
        Assert.Equal(42, json.GetProperty("seed").GetInt64());
        Assert.Equal("2024-05-06T07:08:09Z", json.GetProperty("created_utc").GetString());
        Assert.Equal("2 cores, libtorch 1.13.0", json.GetProperty("machine").GetString());
        Assert.Equal("mobilenet_v2", json.GetProperty("best_architecture").GetString());
    }

    [Fact]
    public void ResultsCarryCostAccuracyAndHistory()
    {
        var results = Render().GetProperty("results");
        var mobilenet = results[1];

        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal("mobilenet_v2", mobilenet.GetProperty("architecture").GetString());
        Assert.Equal(3_504_872, mobilenet.GetProperty("parameters").GetInt64());
        Assert.Equal(300_774_272, mobilenet.GetProperty("macs").GetInt64());
        Assert.Equal(14_020_722, mobilenet.GetProperty("model_file_bytes").GetInt64());
        Assert.Equal(0.75, mobilenet.GetProperty("top1").GetDouble());
        Assert.Equal(2, mobilenet.GetProperty("k").GetInt32());
        Assert.Equal(0.7430039, mobilenet.GetProperty("log_loss").GetDouble(), 6);
        Assert.Equal([1.0, 0.5, 0.75], mobilenet.GetProperty("per_class_recall").EnumerateArray().Select(v => v.GetDouble()));
        var history = mobilenet.GetProperty("history");
        Assert.Equal(3, history.GetArrayLength());
        Assert.Equal(3, history[2].GetProperty("epoch").GetInt32());
        Assert.Equal(2.2 / 3, history[2].GetProperty("validation_loss").GetDouble(), 12);
        Assert.Equal(0.5, results[0].GetProperty("top1").GetDouble());
    }

    [Fact]
    public void BestModelsConfusionMatrixIsIncluded()
    {
        var matrix = Render().GetProperty("best_confusion_matrix");

        Assert.Equal("mobilenet_v2", matrix.GetProperty("architecture").GetString());
        long[][] expected = [[2, 0, 0], [1, 1, 0], [0, 1, 3]];
        Assert.Equal(expected, matrix.GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray());
        Assert.Equal(2.0 / 3, matrix.GetProperty("precision")[0].GetDouble(), 12);
    }

    [Fact]
    public void DivergedLossesAreWrittenInsteadOfFailing()
    {
        var report = ReportFixture.Create();
        var diverged = report.Results[0] with { History = [new() { Epoch = 1, TrainLoss = double.NaN }] };

        var json = JsonDocument.Parse(JsonReport.Render(report with { Results = [diverged, .. report.Results.Skip(1)] })).RootElement;

        Assert.Equal("NaN", json.GetProperty("results")[0].GetProperty("history")[0].GetProperty("train_loss").GetString());
    }

    [Fact]
    public void EveryResultListsItsMostConfusedPairsWithTheirTestRows()
    {
        var results = Render().GetProperty("results");
        static IEnumerable<(string, string, long, int[])> Pairs(JsonElement result) => result.GetProperty("confused_pairs").EnumerateArray()
            .Select(p => (p.GetProperty("actual").GetString()!, p.GetProperty("predicted").GetString()!, p.GetProperty("count").GetInt64(),
                p.GetProperty("test_indices").EnumerateArray().Select(i => i.GetInt32()).ToArray()));

        Assert.Equal([("dog", "cat", 1L, new[] { 3 }), ("bird", "dog", 1L, new[] { 7 })], Pairs(results[1]));
        // weird_net takes two birds (rows 5 and 7) for dogs; its four pairs, not only the best model's, are listed.
        Assert.Equal([("bird", "dog", 2L, new[] { 5, 7 }), ("cat", "bird", 1L, new[] { 1 }), ("dog", "cat", 1L, new[] { 3 }), ("bird", "cat", 1L, new[] { 6 })],
            Pairs(results[2]));
        Assert.Equal([0.5, 0.5, 0.25], results[2].GetProperty("per_class_recall").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void ParetoFrontsAndRecommendationAreIncluded()
    {
        var json = Render();
        var recommendation = json.GetProperty("recommendation");

        Assert.Equal(["squeezenet1_1", "mobilenet_v2"], json.GetProperty("pareto_front").GetProperty("latency").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["weird_net", "squeezenet1_1", "mobilenet_v2"], json.GetProperty("pareto_front").GetProperty("parameters").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("mobilenet_v2", recommendation.GetProperty("most_accurate").GetString());
        Assert.Equal(4.0, recommendation.GetProperty("latency_budget_ms").GetDouble());
        Assert.True(recommendation.GetProperty("latency_budget_is_median").GetBoolean());
        Assert.Equal("squeezenet1_1", recommendation.GetProperty("within_latency_budget").GetString());
        Assert.Equal("mobilenet_v2", recommendation.GetProperty("smallest_within_tolerance").GetString());
        Assert.Equal(0.01, recommendation.GetProperty("accuracy_tolerance").GetDouble());
        Assert.StartsWith("mobilenet_v2 has the best top-1 accuracy", recommendation.GetProperty("text").GetString());
    }
}
