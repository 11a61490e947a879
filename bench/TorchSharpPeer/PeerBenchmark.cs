using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Bench.TorchSharpPeer;

/// <summary>
/// One measurement on synthetic input (one randn batch, random labels of 1000 classes), timed as ModelZoo's
/// ModelBenchmark and bench/pytorch_bench.py time theirs: <see cref="PeerSettings.Warmup"/> untimed steps, then
/// <see cref="PeerSettings.Iterations"/> timed ones; batch-1 latency over at least
/// <see cref="MinimumLatencySamples"/> calls; peak memory from the start of the measurement, before the model is built.
/// </summary>
internal static class PeerBenchmark
{
    private const int MinimumLatencySamples = 20; // as ModelZoo's InferenceTiming and pytorch_bench.py
    private const int NumClasses = 1000;
    private const double LearningRate = 0.01;
    private const double Momentum = 0.9;

    internal static PeerResult Run(PeerSettings settings)
    {
        PeakMemory.Reset();
        torch.random.manual_seed(0);
        using var model = Create(settings.Architecture);
        var parameters = model.parameters().Sum(p => p.numel());
        var macs = ConvAndLinearMacs(model, settings.InputSize);
        double? trainRate = null, inferRate = null, median = null, p90 = null;
        if (settings.Trains) trainRate = Train(model, settings);
        if (settings.Infers)
        {
            model.eval();
            inferRate = settings.Iterations * settings.BatchSize / Infer(model, settings, settings.BatchSize, settings.Iterations).Sum();
            var latencies = Infer(model, settings, 1, Math.Max(settings.Iterations, MinimumLatencySamples));
            Array.Sort(latencies);
            (median, p90) = (Percentile(latencies, 0.5) * 1000, Percentile(latencies, 0.9) * 1000);
        }
        var gigaMacs = macs / 1e9;
        return new PeerResult
        {
            Architecture = settings.Architecture,
            InputSize = settings.InputSize,
            BatchSize = settings.BatchSize,
            Parameters = parameters,
            MacsPerImage = macs,
            TrainImagesPerSecond = trainRate,
            TrainGmacsPerSecond = 3 * gigaMacs * trainRate,
            InferImagesPerSecond = inferRate,
            InferGmacsPerSecond = gigaMacs * inferRate,
            LatencyMedianMs = median,
            LatencyP90Ms = p90,
            PeakRssMiB = PeakMemory.MiB(),
        };
    }

    /// <summary>TorchVision's ImageNet models; the MobileNetV3 factories take no class count and build 1000 classes.</summary>
    private static nn.Module<Tensor, Tensor> Create(string architecture) => architecture switch
    {
        "mobilenet_v2" => torchvision.models.mobilenet_v2(num_classes: NumClasses),
        "mobilenet_v3_small" => torchvision.models.mobilenet_v3_small(),
        "mobilenet_v3_large" => torchvision.models.mobilenet_v3_large(),
        _ => throw new ArgumentException($"TorchVision has no '{architecture}' here"),
    };

    private static double Train(nn.Module<Tensor, Tensor> model, PeerSettings settings)
    {
        model.train();
        using var optimizer = torch.optim.SGD(model.parameters(), LearningRate, Momentum);
        using var input = torch.randn(settings.BatchSize, 3, settings.InputSize, settings.InputSize);
        using var target = torch.randint(0, NumClasses, [settings.BatchSize], dtype: ScalarType.Int64);
        double Step()
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var loss = nn.functional.cross_entropy(model.call(input), target);
            loss.item<float>(); // the loss a training loop logs; ModelZoo and pytorch_bench.py read it too
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return clock.Elapsed.TotalSeconds;
        }
        for (var i = 0; i < settings.Warmup; i++) Step();
        var seconds = 0.0;
        for (var i = 0; i < settings.Iterations; i++) seconds += Step();
        return settings.Iterations * settings.BatchSize / seconds;
    }

    /// <summary>Seconds of each of <paramref name="iterations"/> timed calls, after the warm-up ones.</summary>
    private static double[] Infer(nn.Module<Tensor, Tensor> model, PeerSettings settings, int batchSize, int iterations)
    {
        using var input = torch.randn(batchSize, 3, settings.InputSize, settings.InputSize);
        using var inference = torch.inference_mode();
        var times = new double[iterations];
        for (var i = -settings.Warmup; i < iterations; i++)
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            model.call(input);
            if (i >= 0) times[i] = clock.Elapsed.TotalSeconds;
        }
        return times;
    }

    /// <summary>Convolution and linear multiply-accumulates of one image (ModelZoo's ModelSummary count).</summary>
    private static long ConvAndLinearMacs(nn.Module<Tensor, Tensor> model, int inputSize)
    {
        long macs = 0;
        var removers = new List<Action>();
        foreach (var module in model.modules())
        {
            if (module is TorchSharp.Modules.Conv2d conv)
                removers.Add(conv.register_forward_hook((_, _, output) =>
                {
                    var w = conv.weight!.shape;
                    macs += output.numel() * w[1] * w[2] * w[3];
                    return output;
                }).remove);
            else if (module is TorchSharp.Modules.Linear linear)
                removers.Add(linear.register_forward_hook((_, _, output) =>
                {
                    macs += linear.in_features * linear.out_features;
                    return output;
                }).remove);
        }
        model.eval();
        using (torch.inference_mode())
        using (var scope = torch.NewDisposeScope())
            model.call(torch.zeros(1, 3, inputSize, inputSize));
        foreach (var remove in removers) remove();
        return macs;
    }

    /// <summary>Linear interpolation between the two nearest ranks of a sorted sample, as ModelZoo's and pytorch_bench.py's.</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
