namespace ModelZoo.Pipelines.Reports;

/// <summary>Several architectures trained and tested on the same data, with the settings needed to reproduce the run.</summary>
public sealed record ComparisonReport
{
    /// <summary>Heading of the report.</summary>
    public required string Title { get; init; }
    /// <summary>Where the images came from, e.g. <c>cifar10:/data/cifar-10-batches-bin</c>.</summary>
    public string DataSource { get; init; } = "";
    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];
    /// <summary>Training images.</summary>
    public int TrainCount { get; init; }
    /// <summary>Test images.</summary>
    public int TestCount { get; init; }
    /// <summary>Side of the square network input, in pixels.</summary>
    public int InputSize { get; init; }
    /// <summary>Epochs each architecture was trained for.</summary>
    public int Epochs { get; init; }
    /// <summary>Random seed shared by every run.</summary>
    public long Seed { get; init; }
    /// <summary>When the comparison finished.</summary>
    public DateTime CreatedUtc { get; init; }
    /// <summary>What it ran on, e.g. <c>2 cores, libtorch 1.13.0</c>; timings mean little without it.</summary>
    public string Machine { get; init; } = "";
    /// <summary>One entry per architecture, in the order they were run.</summary>
    public IReadOnlyList<ArchitectureResult> Results { get; init; } = [];

    /// <summary>The result with the highest top-1 accuracy (the first one on a tie).</summary>
    /// <exception cref="InvalidOperationException">There are no results.</exception>
    public ArchitectureResult Best =>
        Results.MaxBy(r => r.Top1) ?? throw new InvalidOperationException("the report has no results");
}
