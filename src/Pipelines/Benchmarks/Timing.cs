using System.Diagnostics;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>The pieces every benchmark loop shares: synthetic input, one timed call, percentiles.</summary>
internal static class Timing
{
    /// <summary>A standard-normal image batch in <paramref name="format"/>.</summary>
    internal static Tensor SyntheticInput(int channels, int size, int batchSize, MemoryFormat format, Device device)
    {
        using var plain = torch.randn([batchSize, channels, size, size], device: device);
        return plain.to(format);
    }

    /// <summary>Seconds for one call, in its own dispose scope, waiting for the GPU when there is one.</summary>
    internal static double Seconds<T>(Func<T> work, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var clock = Stopwatch.StartNew();
        work();
        if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Linear interpolation between the two nearest ranks of a sorted sample.</summary>
    internal static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
