using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelZoo.Pipelines.Benchmarks;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using Spectre.Console;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo benchmark ARCH...</c>: training and inference speed, batch-1 latency, peak memory and GMAC/s
/// on synthetic input after warm-up; <c>--mode data --data DIR</c> measures the JPEG-folder loader instead.
/// </summary>
internal static class BenchmarkCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    internal static Command Create()
    {
        var architectures = new Argument<string[]>("architectures") { Description = "Architecture names (see `modelzoo list`); none with --mode data.", Arity = ArgumentArity.ZeroOrMore };
        var inputSize = new Option<int>("--input-size") { Description = "Image side in pixels.", DefaultValueFactory = _ => 224 };
        var batchSize = new Option<int>("--batch-size") { Description = "Batch size of training and batched inference.", DefaultValueFactory = _ => 32 };
        var mode = new Option<string>("--mode") { Description = "train, infer, both, or data (the loader on --data).", DefaultValueFactory = _ => "both" };
        mode.AcceptOnlyFromAmong("train", "infer", "both", "data");
        var memoryFormat = new Option<string>("--memory-format") { Description = "auto (the device's fastest), nchw or nhwc.", DefaultValueFactory = _ => "auto" };
        memoryFormat.AcceptOnlyFromAmong("auto", "nchw", "nhwc");
        var warmup = new Option<int>("--warmup") { Description = "Untimed steps first.", DefaultValueFactory = _ => 3 };
        var iterations = new Option<int>("--iterations") { Description = "Timed steps (batches with --mode data).", DefaultValueFactory = _ => 10 };
        var data = new Option<string?>("--data") { Description = "Image folder (class sub-folders) for --mode data." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("benchmark", "Measure training and inference speed and memory on synthetic input.")
        {
            architectures, inputSize, batchSize, mode, memoryFormat, warmup, iterations, data, device, threads, json,
        };
        command.SetAction(result =>
        {
            var threadCount = ThreadPolicy.Apply(result.GetValue(threads));
            var target = DevicePolicy.Resolve(result.GetValue(device)!);
            var names = result.GetValue(architectures) ?? [];
            var asJson = result.GetValue(json);
            object results;
            if (result.GetValue(mode) == "data")
            {
                var folder = result.GetValue(data) ?? throw new ArgumentException("--mode data needs --data FOLDER (a folder of class sub-folders of images)");
                if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"--data folder not found: {folder}");
                var measured = LoaderBenchmark.Run(folder, result.GetValue(inputSize), result.GetValue(batchSize), result.GetValue(warmup), result.GetValue(iterations));
                if (!asJson) AnsiConsole.MarkupLine($"loader: [bold]{measured.LoaderImagesPerSecond:F0}[/] img/s ({measured.Images} images in {Markup.Escape(folder)}, " +
                                                    $"{measured.InputSize} px, batch {measured.BatchSize}, {measured.Workers} workers, peak {measured.PeakRssMiB:F0} MiB)");
                results = new[] { measured };
            }
            else
            {
                if (names.Length == 0) throw new ArgumentException("name at least one architecture (see `modelzoo list`)");
                foreach (var name in names) ModelRegistry.Default.Get(name);
                var settings = new BenchmarkSettings
                {
                    InputSize = result.GetValue(inputSize),
                    BatchSize = result.GetValue(batchSize),
                    Mode = result.GetValue(mode) switch { "train" => BenchmarkMode.Train, "infer" => BenchmarkMode.Infer, _ => BenchmarkMode.Both },
                    MemoryFormat = MemoryFormats.Parse(result.GetValue(memoryFormat)!),
                    Warmup = result.GetValue(warmup),
                    Iterations = result.GetValue(iterations),
                    Device = target,
                }.Validate();
                var rows = new List<BenchmarkResult>();
                foreach (var name in names)
                {
                    var measured = ModelBenchmark.Run(name, settings);
                    rows.Add(measured);
                    if (!asJson) PrintRow(measured);
                }
                results = rows;
            }
            if (asJson)
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["device"] = target.ToString(),
                    ["threads"] = threadCount,
                    ["results"] = results,
                }, JsonOptions));
            return 0;
        });
        return command;
    }

    private static void PrintRow(BenchmarkResult r)
    {
        static string Value(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
        AnsiConsole.MarkupLine(
            $"[bold]{r.Architecture}[/] {r.InputSize} px, batch {r.BatchSize}, {r.MemoryFormat}: " +
            $"train {Value(r.TrainImagesPerSecond, "F1")} img/s ({Value(r.TrainGmacsPerSecond, "F1")} GMAC/s), " +
            $"infer {Value(r.InferImagesPerSecond, "F1")} img/s ({Value(r.InferGmacsPerSecond, "F1")} GMAC/s), " +
            $"batch-1 latency {Value(r.LatencyMedianMs, "F2")} ms median, {Value(r.LatencyP90Ms, "F2")} ms p90, " +
            $"peak {r.PeakRssMiB:F0} MiB");
    }
}
