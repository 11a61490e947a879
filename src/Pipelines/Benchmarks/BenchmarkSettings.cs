using ModelZoo.TorchSharpAdditions;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>What <see cref="ModelBenchmark"/> measures.</summary>
[Flags]
public enum BenchmarkMode
{
    /// <summary>Training steps (forward, backward, AdamW update).</summary>
    Train = 1,
    /// <summary>Batched inference and batch-1 latency.</summary>
    Infer = 2,
    /// <summary>Both.</summary>
    Both = Train | Infer,
}

/// <summary>How to benchmark one architecture on synthetic input.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>Image side in pixels.</summary>
    public int InputSize { get; init; } = 224;

    /// <summary>Batch size for training and batched inference (latency always uses batch 1).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>What to measure.</summary>
    public BenchmarkMode Mode { get; init; } = BenchmarkMode.Both;

    /// <summary>Tensor layout; null is the device's default (<see cref="MemoryFormats.Preferred"/>).</summary>
    public MemoryFormat? MemoryFormat { get; init; }

    /// <summary>Untimed steps first (oneDNN picks and caches kernels on the first calls).</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Timed steps (batch-1 latency takes at least 20 samples).</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>Classes of the synthetic task (the classifier's width).</summary>
    public int NumClasses { get; init; } = 1000;

    /// <summary>Where to run.</summary>
    public Device Device { get; init; } = CPU;

    /// <summary>Rejects values that cannot be measured, naming the setting.</summary>
    public BenchmarkSettings Validate()
    {
        if (InputSize < 8) throw new ArgumentException($"input size must be at least 8 pixels, got {InputSize}");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        if (Warmup < 0) throw new ArgumentException($"warm-up must be 0 or more steps, got {Warmup}");
        if (Iterations < 1) throw new ArgumentException($"iterations must be at least 1, got {Iterations}");
        if (NumClasses < 2) throw new ArgumentException($"classes must be at least 2, got {NumClasses}");
        return this;
    }
}
