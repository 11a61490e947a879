using System.Text.Json;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Cli.Tests;

/// <summary><c>modelzoo benchmark --json</c> reports every field with sane values (timings are not asserted).</summary>
public sealed class BenchmarkCommandTests
{
    private static JsonElement Benchmark(params string[] arguments) => Benchmark(null, arguments);

    private static JsonElement Benchmark(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = CliProcess.Run(environment, ["benchmark", .. arguments, "--threads", "1", "--json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("cpu", root.GetProperty("device").GetString());
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        return root.GetProperty("results");
    }

    [Fact]
    public void BothModesReportEveryFigureForEachArchitecture()
    {
        var results = Benchmark("squeezenet1_1", "mobilenet_v3_small", "--input-size", "64", "--batch-size", "4", "--warmup", "1", "--iterations", "2");
        Assert.Equal(["squeezenet1_1", "mobilenet_v3_small"], results.EnumerateArray().Select(r => r.GetProperty("architecture").GetString()));
        foreach (var r in results.EnumerateArray())
        {
            Assert.Equal(64, r.GetProperty("input_size").GetInt32());
            Assert.Equal(4, r.GetProperty("batch_size").GetInt32());
            Assert.Equal("nhwc", r.GetProperty("memory_format").GetString());
            Assert.Contains(r.GetProperty("cpu_allocator").GetString(), new[] { "retain", "thp" }); // auto, for training
            var train = r.GetProperty("train_images_per_second").GetDouble();
            var infer = r.GetProperty("infer_images_per_second").GetDouble();
            var median = r.GetProperty("latency_median_ms").GetDouble();
            var p90 = r.GetProperty("latency_p90_ms").GetDouble();
            var macs = r.GetProperty("macs_per_image").GetInt64();
            Assert.InRange(train, 0.01, 1e6);
            Assert.InRange(infer, 0.01, 1e6);
            Assert.InRange(median, 0.001, 1e5);
            Assert.True(p90 >= median, $"p90 {p90} ms is below the median {median} ms");
            Assert.Equal(3 * macs / 1e9 * train, r.GetProperty("train_gmacs_per_second").GetDouble(), 1e-6);
            Assert.Equal(macs / 1e9 * infer, r.GetProperty("infer_gmacs_per_second").GetDouble(), 1e-6);
            Assert.InRange(r.GetProperty("peak_rss_mib").GetDouble(), 50, 64 * 1024);
        }
        var squeezenet = results[0];
        // The ImageNet network whatever the size (published count), and no batch norm to fold in SqueezeNet.
        Assert.Equal(1_235_496, squeezenet.GetProperty("parameters").GetInt64());
        Assert.Equal(0, squeezenet.GetProperty("folded_batch_norms").GetInt32());
        var mobilenet = results[1];
        Assert.Equal(2_542_856, mobilenet.GetProperty("parameters").GetInt64());
        Assert.True(mobilenet.GetProperty("folded_batch_norms").GetInt32() > 30);
        // MACs grow with the square of the side: 64 px costs about (64 / 224)² of the published 224 px figure (a bit more: padding).
        Assert.InRange(mobilenet.GetProperty("macs_per_image").GetInt64(), 56e6 * 0.07, 56e6 * 0.13);
    }

    [Fact]
    public void TrainOnlyLeavesInferenceFiguresNullAndHonoursTheLayout()
    {
        var r = Benchmark("shufflenet_v1_g3_x0_5", "--input-size", "32", "--batch-size", "2", "--mode", "train", "--memory-format", "nchw",
            "--warmup", "0", "--iterations", "1")[0];
        Assert.Equal("nchw", r.GetProperty("memory_format").GetString());
        Assert.True(r.GetProperty("train_images_per_second").GetDouble() > 0);
        foreach (var field in new[] { "infer_images_per_second", "infer_gmacs_per_second", "latency_median_ms", "latency_p90_ms", "folded_batch_norms" })
            Assert.Equal(JsonValueKind.Null, r.GetProperty(field).ValueKind);
    }

    [Theory]
    [InlineData("system", "", "system")]
    [InlineData("retain", "", "retain")]
    [InlineData("", "", "retain")]                                       // auto without huge pages keeps freed memory
    [InlineData("", "glibc.malloc.hugetlb=1", "thp")]            // auto with them leaves glibc alone
    [InlineData("retain", "glibc.malloc.hugetlb=1", "retain")]
    public void TheAllocatorPolicyFollowsTheEnvironment(string policy, string tunables, string expected)
    {
        if (tunables.Length > 0 && !HugePagesGranted()) return; // a kernel without transparent huge pages: auto keeps memory
        var r = Benchmark(new Dictionary<string, string> { [TorchSharpAdditions.CpuAllocator.PolicyVariable] = policy, ["GLIBC_TUNABLES"] = tunables },
            "mobilenet_v1_x0_25", "--input-size", "32", "--batch-size", "2", "--mode", "train", "--warmup", "0", "--iterations", "1")[0];
        Assert.Equal(expected, r.GetProperty("cpu_allocator").GetString());
        Assert.True(r.GetProperty("train_images_per_second").GetDouble() > 0);
    }

    [Fact]
    public void InferenceKeepsFreedMemoryEvenWithHugePages()
    {
        var r = Benchmark(new Dictionary<string, string> { ["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=1" },
            "mobilenet_v1_x0_25", "--input-size", "32", "--batch-size", "2", "--mode", "infer", "--warmup", "0", "--iterations", "1")[0];
        Assert.Equal("retain", r.GetProperty("cpu_allocator").GetString());
    }

    [Fact]
    public void AnUnknownAllocatorPolicyIsAOneLineError()
    {
        var result = CliProcess.Run(new Dictionary<string, string> { [TorchSharpAdditions.CpuAllocator.PolicyVariable] = "jemalloc" },
            "benchmark", "mobilenet_v1_x0_25", "--input-size", "32", "--batch-size", "2", "--mode", "train", "--iterations", "1");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("MODELZOO_CPU_ALLOCATOR='jemalloc' is not auto, retain or system", result.Error);
    }

    private static bool HugePagesGranted()
    {
        var mode = File.Exists("/sys/kernel/mm/transparent_hugepage/enabled") ? File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled") : "";
        return mode.Contains("[always]") || mode.Contains("[madvise]");
    }

    [Fact]
    public void DataModeMeasuresTheFolderLoader()
    {
        var root = Path.Combine(Path.GetTempPath(), "mz-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var random = new Random(5);
            foreach (var name in new[] { "a", "b" })
            {
                Directory.CreateDirectory(Path.Combine(root, name));
                for (var i = 0; i < 6; i++)
                {
                    var pixels = new byte[40 * 30 * 3];
                    random.NextBytes(pixels);
                    ImageEncoder.SavePng(new Image(40, 30, 3, pixels), Path.Combine(root, name, $"{i}.png"));
                }
            }
            var r = Benchmark("--mode", "data", "--data", root, "--input-size", "32", "--batch-size", "4", "--warmup", "1", "--iterations", "5")[0];
            Assert.Equal(12, r.GetProperty("images").GetInt32());
            Assert.Equal(32, r.GetProperty("input_size").GetInt32());
            Assert.True(r.GetProperty("loader_images_per_second").GetDouble() > 0);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("name at least one architecture", "benchmark")]
    [InlineData("did you mean", "benchmark", "mobilenet_v9")]
    [InlineData("--mode data needs --data", "benchmark", "--mode", "data")]
    [InlineData("batch size must be at least 1", "benchmark", "squeezenet1_1", "--batch-size", "0")]
    public void BadArgumentsAreOneLineErrors(string expected, params string[] arguments)
    {
        var result = CliProcess.Run(arguments);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
    }
}
