// Transform throughput against the engine: the images per second ML.NET's Transform over the image classifier
// delivers (rows of pixel vectors in memory, read through a cursor that asks for Score) next to the images per
// second of the same model's batched inference on ready-made input tensors (InferenceTiming, what
// `modelzoo benchmark` reports), same architecture, input size, batch size and threads. The two are measured
// alternately --rounds times after warm-up. On a machine other work shares, wall-clock figures swing: the report
// gives the best of the rounds for each side (the least disturbed), the median of the rounds' ratios, and the same
// ratio in images per second of the process's CPU time, which waiting for a core does not change (with --threads 1
// it counts the reading of rows as fully as the forward passes). The target is a ratio of at least 0.90.
//
//   dotnet bench/TransformThroughput/bin/Release/net10.0/transform-throughput.dll [--architecture mobilenet_v2]
//       [--input-size 96] [--channels 3] [--batch-size 32] [--iterations 8] [--warmup 2] [--rounds 5] [--threads N]
//
// The model is trained for one epoch on two batches of random images first: throughput does not depend on the weights.
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Bench.TransformThroughput;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Benchmarks;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;

var settings = ThroughputSettings.Parse(args);
ThreadPolicy.Apply(settings.Threads);
var ml = new MLContext(seed: 1);
var (size, channels, batch) = (settings.InputSize, settings.Channels, settings.BatchSize);

var training = SyntheticRows.Create(ml, 2 * batch, channels, size, seed: 1);
var keying = ml.Transforms.Conversion.MapValueToKey("Label").Fit(training);
using var classifier = ml.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
{
    Architecture = settings.Architecture,
    Epochs = 1,
    BatchSize = batch,
    InputSize = size,
    Device = "cpu",
}).Fit(keying.Transform(training));
classifier.TransformBatchSize = batch;
var rows = settings.Iterations * batch;
var scored = classifier.Transform(keying.Transform(SyntheticRows.Create(ml, rows, channels, size, seed: 2)));

Console.WriteLine($"{settings.Architecture}, {channels}×{size}×{size}, batch {batch}, {rows} rows per Transform pass, " +
                  $"{torch.get_num_threads()} threads, libtorch {torch.__version__}");
Console.WriteLine("round  engine img/s  Transform img/s  ratio   engine img/CPU-s  Transform img/CPU-s  ratio");
var device = torch.CPU;
List<Figures> engine = [], transform = [];
using (var prepared = InferenceModel.Prepare(classifier.Model, device))
{
    InferenceTiming.ImagesPerSecond(prepared, channels, size, device, batch, settings.Warmup, 1);
    for (var i = 0; i < Math.Max(1, settings.Warmup); i++) ReadScores(scored, batch);
    for (var round = 1; round <= settings.Rounds; round++)
    {
        engine.Add(Measure(rows, () => InferenceTiming.ImagesPerSecond(prepared, channels, size, device, batch, 0, settings.Iterations)));
        transform.Add(Measure(rows, () => ReadScores(scored, rows)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{round,5}  {engine[^1].Wall,12:F1}  {transform[^1].Wall,15:F1}  {transform[^1].Wall / engine[^1].Wall,5:F3}   " +
            $"{engine[^1].Cpu,16:F1}  {transform[^1].Cpu,19:F1}  {transform[^1].Cpu / engine[^1].Cpu,5:F3}"));
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    best of {settings.Rounds}: engine {engine.Max(f => f.Wall):F1} img/s, Transform {transform.Max(f => f.Wall):F1} img/s, ratio {transform.Max(f => f.Wall) / engine.Max(f => f.Wall):F3} (target ≥ 0.90)
    median of the rounds' ratios: wall clock {Median(transform.Zip(engine, (t, e) => t.Wall / e.Wall)):F3}, CPU time {Median(transform.Zip(engine, (t, e) => t.Cpu / e.Cpu)):F3}
    """));
return 0;

// Reads the Score of the first `count` rows, as a consumer of the scored view does.
static void ReadScores(IDataView view, int count)
{
    using var cursor = view.GetRowCursor([view.Schema["Score"]]);
    var getScore = cursor.GetGetter<VBuffer<float>>(view.Schema["Score"]);
    var score = default(VBuffer<float>);
    for (var read = 0; read < count && cursor.MoveNext(); read++) getScore(ref score);
}

// Images per wall-clock second and per second of the process's CPU time for `images` images' worth of `action`.
static Figures Measure(int images, Action action)
{
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    action();
    var wall = clock.Elapsed.TotalSeconds;
    process.Refresh();
    return new Figures(images / wall, images / (process.TotalProcessorTime - cpu).TotalSeconds);
}

static double Median(IEnumerable<double> source)
{
    var values = source.ToList();
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>One measurement: images per wall-clock second and per CPU second.</summary>
internal readonly record struct Figures(double Wall, double Cpu);
