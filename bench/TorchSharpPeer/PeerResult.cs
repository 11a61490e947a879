using System.Text.Json.Serialization;

namespace ModelZoo.Bench.TorchSharpPeer;

/// <summary>
/// One measurement, with the field names and order of ModelZoo's BenchmarkResult (src/Pipelines/Benchmarks), so
/// bench/run reads it as it reads `modelzoo benchmark --json`. The peer runs NCHW with glibc's allocator as it is
/// and folds no batch norms.
/// </summary>
internal sealed record PeerResult
{
    [JsonPropertyName("architecture")] public required string Architecture { get; init; }
    [JsonPropertyName("input_size")] public required int InputSize { get; init; }
    [JsonPropertyName("batch_size")] public required int BatchSize { get; init; }
    [JsonPropertyName("memory_format")] public string MemoryFormat => "nchw";
    [JsonPropertyName("cpu_allocator")] public string CpuAllocator => "system";
    [JsonPropertyName("parameters")] public required long Parameters { get; init; }
    [JsonPropertyName("macs_per_image")] public required long MacsPerImage { get; init; }
    [JsonPropertyName("train_images_per_second")] public double? TrainImagesPerSecond { get; init; }
    [JsonPropertyName("train_gmacs_per_second")] public double? TrainGmacsPerSecond { get; init; }
    [JsonPropertyName("infer_images_per_second")] public double? InferImagesPerSecond { get; init; }
    [JsonPropertyName("infer_gmacs_per_second")] public double? InferGmacsPerSecond { get; init; }
    [JsonPropertyName("latency_median_ms")] public double? LatencyMedianMs { get; init; }
    [JsonPropertyName("latency_p90_ms")] public double? LatencyP90Ms { get; init; }
    [JsonPropertyName("folded_batch_norms")] public int? FoldedBatchNorms => 0;
    [JsonPropertyName("peak_rss_mib")] public required double PeakRssMiB { get; init; }
}
