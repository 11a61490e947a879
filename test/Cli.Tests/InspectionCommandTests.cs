using System.Text.Json;

namespace ModelZoo.Cli.Tests;

public sealed class InspectionCommandTests
{
    [Fact]
    public void InfoReportsTheLibtorchBuildAndThreads()
    {
        var result = CliProcess.Run("info", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Matches(@"^2\.10\.", root.GetProperty("libtorch").GetString());
        Assert.Equal("0.107.0", root.GetProperty("torchsharp").GetString());
        Assert.Equal(root.GetProperty("cuda_devices").GetInt32() > 0 ? "cuda" : "cpu", root.GetProperty("backend").GetString());
        Assert.True(root.GetProperty("compatibility_library").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("threads").GetInt32());
        Assert.EndsWith("/libLibTorchSharp.so", root.GetProperty("native_library").GetString());
    }

    [Fact]
    public void InfoPrintsOneLinePerFact()
    {
        var result = CliProcess.Run("info");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["libtorch", "torchsharp", "backend", "compatibility library", "threads", "cuda devices", "native library", "dotnet"],
            lines.Select(line => line[..22].TrimEnd()));
        Assert.Matches(@"^compatibility library +(yes|no)$", lines[3]);
    }

    [Fact]
    public void ListFiltersByGlobAndReportsPublishedSizes()
    {
        var result = CliProcess.Run("list", "squeezenet1_*", "--json");
        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["squeezenet1_0", "squeezenet1_0_complex_bypass", "squeezenet1_0_simple_bypass", "squeezenet1_1"],
            rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(1_235_496, rows[3].GetProperty("params").GetInt64());
    }

    [Fact]
    public void SummaryJsonHasTheReferenceParameterCountAndMacs()
    {
        var result = CliProcess.Run("summary", "shufflenet_v1_g3_x1_0", "--classes", "1000", "--input-size", "224", "--json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("shufflenet_v1_g3_x1_0", root.GetProperty("name").GetString());
        Assert.Equal(1_864_728, root.GetProperty("params").GetInt64());
        Assert.Equal([3L, 224L, 224L], root.GetProperty("input").EnumerateArray().Select(e => e.GetInt64()));
        Assert.InRange(root.GetProperty("macs").GetInt64(), 137.5e6 * 0.99, 137.5e6 * 1.01);
        Assert.True(root.GetProperty("layers").GetArrayLength() > 50);
    }

    [Theory]
    [InlineData("did you mean", "summary", "shufflenet_v1")]
    [InlineData("data directory not found", "train", "squeezenet1_1", "--data", "cifar10:/no/such/folder")]
    [InlineData("unknown data source", "train", "squeezenet1_1", "--data", "imagenet:/x")]
    [InlineData("model file not found", "evaluate", "--model", "/no/model.zip", "--data", "fashion-mnist")]
    [InlineData("epochs must be at least 1", "train", "squeezenet1_1", "--data", "fashion-mnist", "--epochs", "0")]
    public void UserErrorsAreOneLineWithExitCodeOne(string expected, params string[] arguments)
    {
        var result = CliProcess.Run(arguments);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }
}
