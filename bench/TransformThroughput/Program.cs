// Transform throughput against the engine: the images per second ML.NET's Transform over the image classifier
// delivers (rows of pixel vectors in memory, read through a cursor that asks for Score) next to the images per
// second of the same model's batched inference on ready-made input tensors (InferenceTiming, what
// `modelzoo benchmark` reports), same architecture, input size, batch size and threads. The two are measured
// alternately --rounds times; each round's ratio compares two measurements taken back to back, and the report gives
// the median ratio (and the median of each side). The target is a ratio of at least 0.90.
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
Console.WriteLine("round  engine img/s  Transform img/s  ratio");
var device = torch.CPU;
List<double> engine = [], transform = [];
using (var prepared = InferenceModel.Prepare(classifier.Model, device))
{
    for (var round = 1; round <= settings.Rounds; round++)
    {
        engine.Add(InferenceTiming.ImagesPerSecond(prepared, channels, size, device, batch, settings.Warmup, settings.Iterations));
        if (settings.Warmup > 0) ReadScores(scored, batch);
        transform.Add(rows / Seconds(() => ReadScores(scored, rows)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{round,5}  {engine[^1],12:F1}  {transform[^1],15:F1}  {transform[^1] / engine[^1],5:F3}"));
    }
}
var ratio = Median(transform.Zip(engine, (t, e) => t / e).ToList());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median {Median(engine),12:F1}  {Median(transform),15:F1}  {ratio,5:F3}  (median of the rounds' ratios; target ≥ 0.90)"));
return 0;

// Reads the Score of the first `count` rows, as a consumer of the scored view does.
static void ReadScores(IDataView view, int count)
{
    using var cursor = view.GetRowCursor([view.Schema["Score"]]);
    var getScore = cursor.GetGetter<VBuffer<float>>(view.Schema["Score"]);
    var score = default(VBuffer<float>);
    for (var read = 0; read < count && cursor.MoveNext(); read++) getScore(ref score);
}

static double Seconds(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
