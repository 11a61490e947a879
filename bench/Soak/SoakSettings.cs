using System.Globalization;

namespace ModelZoo.Bench.Soak;

/// <summary>The soak run's knobs, from <c>--name value</c> pairs; every one has a default.</summary>
internal sealed record SoakSettings
{
    /// <summary>Optimizer steps in all.</summary>
    public int Steps { get; init; } = 20_000;
    /// <summary>Steps per epoch: the training subset is this many batches, so epochs (validation, precise BN, checkpoints) recur.</summary>
    public int EpochSteps { get; init; } = 500;
    public int BatchSize { get; init; } = 8;
    public string Architecture { get; init; } = "mobilenet_v1_x0_25";
    /// <summary>Resident memory and live tensors are sampled every this many steps.</summary>
    public int SampleEvery { get; init; } = 250;
    /// <summary>The first fraction of the steps is warm-up (allocator pools, JIT, first checkpoints); growth is measured after it.</summary>
    public double Warmup { get; init; } = 0.1;
    /// <summary>Intra-op threads (null: every logical processor).</summary>
    public int? Threads { get; init; }
    /// <summary>Where the samples go as CSV (null: none).</summary>
    public string? Csv { get; init; }
    /// <summary>Largest acceptable growth of resident memory after warm-up, in percent.</summary>
    public double MaxGrowthPercent { get; init; } = 5;

    public static SoakSettings Parse(string[] args)
    {
        var settings = new SoakSettings();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--steps" => settings with { Steps = Int() },
                "--epoch-steps" => settings with { EpochSteps = Int() },
                "--batch-size" => settings with { BatchSize = Int() },
                "--architecture" => settings with { Architecture = value },
                "--sample-every" => settings with { SampleEvery = Int() },
                "--warmup" => settings with { Warmup = double.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => settings with { Threads = Int() },
                "--csv" => settings with { Csv = value },
                "--max-growth" => settings with { MaxGrowthPercent = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; see the header of bench/Soak/Program.cs"),
            };
        }
        if (settings.Steps % settings.EpochSteps != 0)
            throw new ArgumentException($"--steps {settings.Steps} must be a whole number of epochs of {settings.EpochSteps} steps");
        return settings;
    }
}
