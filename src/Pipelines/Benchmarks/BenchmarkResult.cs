using System.Text.Json.Serialization;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>
/// One architecture's measured speed and memory (JSON names as bench/ and PyTorch's side of it use).
/// Figures for a mode that did not run are null. GMAC/s count convolution and linear multiply-accumulates:
/// forward MACs × images/s for inference, three times that for training (forward plus two backward products).
/// </summary>
public sealed record BenchmarkResult
{
    [JsonPropertyName("architecture")] public required string Architecture { get; init; }
    [JsonPropertyName("input_size")] public required int InputSize { get; init; }
    [JsonPropertyName("batch_size")] public required int BatchSize { get; init; }
    [JsonPropertyName("memory_format")] public required string MemoryFormat { get; init; }
    /// <summary>How freed CPU memory is treated (<see cref="TorchSharpAdditions.CpuAllocator"/>) for the first measurement (training when measured): retain, system or thp.</summary>
    [JsonPropertyName("cpu_allocator")] public required string CpuAllocator { get; init; }
    [JsonPropertyName("parameters")] public required long Parameters { get; init; }
    [JsonPropertyName("macs_per_image")] public required long MacsPerImage { get; init; }
    [JsonPropertyName("train_images_per_second")] public double? TrainImagesPerSecond { get; init; }
    [JsonPropertyName("train_gmacs_per_second")] public double? TrainGmacsPerSecond { get; init; }
    [JsonPropertyName("infer_images_per_second")] public double? InferImagesPerSecond { get; init; }
    [JsonPropertyName("infer_gmacs_per_second")] public double? InferGmacsPerSecond { get; init; }
    [JsonPropertyName("latency_median_ms")] public double? LatencyMedianMs { get; init; }
    [JsonPropertyName("latency_p90_ms")] public double? LatencyP90Ms { get; init; }
    [JsonPropertyName("folded_batch_norms")] public int? FoldedBatchNorms { get; init; }
    [JsonPropertyName("peak_rss_mib")] public required double PeakRssMiB { get; init; }
}

/// <summary>The data-loading figure: decode + augment throughput of a JPEG folder at a training size.</summary>
public sealed record LoaderBenchmarkResult
{
    [JsonPropertyName("data")] public required string Data { get; init; }
    [JsonPropertyName("input_size")] public required int InputSize { get; init; }
    [JsonPropertyName("batch_size")] public required int BatchSize { get; init; }
    [JsonPropertyName("images")] public required int Images { get; init; }
    [JsonPropertyName("workers")] public required int Workers { get; init; }
    [JsonPropertyName("loader_images_per_second")] public required double LoaderImagesPerSecond { get; init; }
    [JsonPropertyName("peak_rss_mib")] public required double PeakRssMiB { get; init; }
}
