// ModelZoo's inference next to ONNX Runtime's on the exported graph of the same architecture, in one process:
//
//   dotnet bench/OnnxRuntime/bin/Release/net10.0/onnxruntime-bench.dll ARCH... [--input-size 224] [--batch-size 8]
//       [--warmup 2] [--iterations 5] [--threads N]
//
// ModelZoo runs as `modelzoo benchmark --mode infer` does (ModelBenchmark: eval mode, batch norms folded, its
// preferred memory layout, inference mode); ONNX Runtime runs the export with batch norms folded likewise, all
// graph optimisations on, the same intra-op threads. Prints a Markdown table with the ratios ORT / ModelZoo.
using System.Globalization;
using ModelZoo.Bench.OnnxRuntime;
using ModelZoo.Onnx;
using ModelZoo.Pipelines.Benchmarks;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;

try
{
    var names = new List<string>();
    var settings = new BenchmarkSettings { InputSize = 224, BatchSize = 8, Mode = BenchmarkMode.Infer, Warmup = 2, Iterations = 5 };
    int? threadsAsked = null;
    for (var i = 0; i < args.Length; i++)
    {
        int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
        switch (args[i])
        {
            case "--input-size": settings = settings with { InputSize = Next() }; break;
            case "--batch-size": settings = settings with { BatchSize = Next() }; break;
            case "--warmup": settings = settings with { Warmup = Next() }; break;
            case "--iterations": settings = settings with { Iterations = Next() }; break;
            case "--threads": threadsAsked = Next(); break;
            default:
                if (args[i].StartsWith('-')) throw new ArgumentException($"unknown option {args[i]}");
                ModelRegistry.Default.Get(args[i]);
                names.Add(args[i]);
                break;
        }
    }
    if (names.Count == 0) throw new ArgumentException("name at least one architecture");
    settings.Validate();
    var threads = ThreadPolicy.Apply(threadsAsked);

    Console.WriteLine($"{settings.InputSize} px, batch {settings.BatchSize}, {threads} threads, warm-up {settings.Warmup}, {settings.Iterations} iterations, CPU");
    Console.WriteLine();
    Console.WriteLine("| model | ModelZoo img/s | ORT img/s | ORT / ModelZoo | ModelZoo batch-1 ms | ORT batch-1 ms | ModelZoo / ORT latency |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var name in names)
    {
        var zoo = ModelBenchmark.Run(name, settings);
        // The network ModelBenchmark builds: ImageNet stem at any size, 1000 classes.
        using var model = ModelRegistry.Default.Create(name, new ModelOptions { NumClasses = settings.NumClasses, InputSize = settings.InputSize, SmallInput = false });
        var bytes = OnnxExporter.ToBytes(model, new OnnxExportOptions { FoldBatchNorm = true });
        var ort = OnnxRuntimeTiming.Measure(bytes, threads, 3, settings.InputSize, settings.BatchSize, settings.Warmup, settings.Iterations);
        var zooRate = zoo.InferImagesPerSecond!.Value;
        var zooLatency = zoo.LatencyMedianMs!.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {zooRate:F1} | {ort.ImagesPerSecond:F1} | {ort.ImagesPerSecond / zooRate:F2}× | {zooLatency:F2} | {ort.LatencyMedianMs:F2} | {zooLatency / ort.LatencyMedianMs:F2}× |"));
    }
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"onnxruntime-bench: {e.Message}");
    return 2;
}
