using System.Globalization;

namespace ModelZoo.Bench.TransformThroughput;

/// <summary>The measurement's knobs, from <c>--name value</c> pairs; every one has a default.</summary>
internal sealed record ThroughputSettings
{
    public string Architecture { get; init; } = "mobilenet_v2";
    /// <summary>Side of the square images, which is also the model's input size (no resampling on either path).</summary>
    public int InputSize { get; init; } = 96;
    public int Channels { get; init; } = 3;
    /// <summary>Images per forward pass, on both paths.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>Timed batches per measurement; the Transform pass reads this many batches of rows.</summary>
    public int Iterations { get; init; } = 8;
    /// <summary>Untimed batches before each engine measurement and one untimed pass before each Transform one.</summary>
    public int Warmup { get; init; } = 2;
    /// <summary>Engine and Transform are measured alternately this many times; the report gives medians.</summary>
    public int Rounds { get; init; } = 5;
    /// <summary>Intra-op threads (null: ModelZoo's default).</summary>
    public int? Threads { get; init; }

    public static ThroughputSettings Parse(string[] args)
    {
        var settings = new ThroughputSettings();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--architecture" => settings with { Architecture = value },
                "--input-size" => settings with { InputSize = Int() },
                "--channels" => settings with { Channels = Int() },
                "--batch-size" => settings with { BatchSize = Int() },
                "--iterations" => settings with { Iterations = Int() },
                "--warmup" => settings with { Warmup = Int() },
                "--rounds" => settings with { Rounds = Int() },
                "--threads" => settings with { Threads = Int() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see the header of bench/TransformThroughput/Program.cs"),
            };
        }
        if (settings.BatchSize < 1 || settings.Iterations < 1 || settings.Rounds < 1 || settings.Warmup < 0)
            throw new ArgumentException("batch size, iterations and rounds must be at least 1, warm-up at least 0");
        return settings;
    }
}
