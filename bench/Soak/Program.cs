// Soak benchmark: trains a small model for many steps (20,000 by default) on Fashion-MNIST with everything a long
// run does every epoch (validation, EMA, precise BN, checkpoints), sampling resident memory (VmRSS) and the live
// tensor count as it goes, and reports how much memory grew after warm-up. Exit code 1 when it grew by the
// --max-growth percentage or more, or when the live tensor count differs between epoch ends. Batches are built on
// the training thread, so TorchSharp's per-thread count sees every tensor made and freed (its process-wide count
// would also keep each tensor a Parameter was made from, and every validation builds a folded copy of the model).
//
//   dotnet bench/Soak/bin/Release/net10.0/soak.dll [--steps 20000] [--epoch-steps 500] [--batch-size 8]
//       [--architecture mobilenet_v1_x0_25] [--sample-every 250] [--warmup 0.1] [--threads N] [--csv FILE] [--max-growth 5]
//
// bench/soak.sh builds it and runs it at low priority.
using System.Diagnostics;
using System.Globalization;
using ModelZoo.Bench.Soak;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;

var settings = SoakSettings.Parse(args);
ThreadPolicy.Apply(settings.Threads);
var data = DataSource.Open("fashion-mnist");
var train = data.Train.Take(settings.EpochSteps * settings.BatchSize);
var test = data.Test.Take(500);
var preprocessing = new Preprocessing { InputSize = 28, Channels = 1, Mean = data.Mean, Std = data.Std }.Validate();
var checkpoints = Path.Combine(Path.GetTempPath(), "mz-soak-" + Environment.ProcessId);
var options = new TrainerOptions
{
    Epochs = settings.Steps / settings.EpochSteps,
    BatchSize = settings.BatchSize,
    Augmentation = Augmentation.Standard,
    EmaDecay = 0.99,
    PreciseBatchNormBatches = 20,
    CheckpointDirectory = checkpoints,
    KeepCheckpoints = 2,
    Device = "cpu",
    Seed = 1,
    Workers = 0,
};

var trainer = new Trainer(options);
var clock = Stopwatch.StartNew();
List<MemorySample> samples = [];
List<long> liveAtEpochEnd = [];
var step = 0;
trainer.StepCompleted += _ =>
{
    if (++step % settings.SampleEvery != 0) return;
    var sample = MemorySample.Take(step, clock.Elapsed.TotalSeconds);
    samples.Add(sample);
    Console.WriteLine(sample);
};
trainer.EpochCompleted += _ => liveAtEpochEnd.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);

Console.WriteLine($"soak: {settings.Architecture}, {settings.Steps} steps of {settings.BatchSize} images " +
                  $"({options.Epochs} epochs of {settings.EpochSteps} steps), {torch.get_num_threads()} threads, libtorch {torch.__version__}");
Console.WriteLine(MemorySample.Header);
try
{
    var (model, _) = ModelTraining.CreateAndTrain(settings.Architecture, trainer, train, test, preprocessing);
    model.Dispose();
}
finally
{
    Directory.Delete(checkpoints, recursive: true);
}

if (settings.Csv is { } csv)
    File.WriteAllLines(csv, [MemorySample.Header, .. samples.Select(s => s.ToString())]);
var warmupEnd = (int)(settings.Steps * settings.Warmup);
var afterWarmup = samples.Where(s => s.Step >= warmupEnd).ToList();
var (first, last) = (afterWarmup[0], afterWarmup[^1]);
var growth = 100.0 * (last.RssMiB - first.RssMiB) / first.RssMiB;
var epochLive = liveAtEpochEnd.Distinct().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"""
     steps: {step} in {clock.Elapsed.TotalMinutes:F1} min
     resident memory after warm-up (step {first.Step}): {first.RssMiB:F1} MiB
     resident memory at the end (step {last.Step}): {last.RssMiB:F1} MiB (peak after warm-up {afterWarmup.Max(s => s.RssMiB):F1} MiB)
     growth after warm-up: {growth:+0.00;-0.00}% (limit {settings.MaxGrowthPercent}%)
     live tensors at the {liveAtEpochEnd.Count} epoch ends: {string.Join(", ", epochLive)}; at samples: {afterWarmup.Min(s => s.LiveTensors)}..{afterWarmup.Max(s => s.LiveTensors)}
     """));
var passed = growth < settings.MaxGrowthPercent && epochLive.Count == 1;
Console.WriteLine(passed ? "PASS" : "FAIL");
return passed ? 0 : 1;
