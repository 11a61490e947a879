using System.Globalization;

namespace ModelZoo.Bench.TorchSharpPeer;

/// <summary>The options of one measurement, named as <c>modelzoo benchmark</c> and bench/pytorch_bench.py name them.</summary>
internal sealed record PeerSettings
{
    internal const string Usage =
        "usage: torchsharp-peer ARCH [--mode train|infer|both] [--input-size 224] [--batch-size 32] [--warmup 3] " +
        "[--iterations 10] [--threads N]; ARCH: mobilenet_v2, mobilenet_v3_small or mobilenet_v3_large";

    internal required string Architecture { get; init; }
    internal string Mode { get; init; } = "both";
    internal int InputSize { get; init; } = 224;
    internal int BatchSize { get; init; } = 32;
    internal int Warmup { get; init; } = 3;
    internal int Iterations { get; init; } = 10;
    internal int Threads { get; init; } = Environment.ProcessorCount;

    internal bool Trains => Mode is "train" or "both";
    internal bool Infers => Mode is "infer" or "both";

    internal static PeerSettings Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) throw new ArgumentException("an architecture is required");
        var settings = new PeerSettings { Architecture = args[0] };
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value");
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--mode" => settings with { Mode = value is "train" or "infer" or "both" ? value : throw new ArgumentException($"--mode takes train, infer or both, not {value}") },
                "--input-size" => settings with { InputSize = Number(args[i], value, 8) },
                "--batch-size" => settings with { BatchSize = Number(args[i], value, 1) },
                "--warmup" => settings with { Warmup = Number(args[i], value, 0) },
                "--iterations" => settings with { Iterations = Number(args[i], value, 1) },
                "--threads" => settings with { Threads = Number(args[i], value, 1) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return settings;
    }

    private static int Number(string option, string value, int minimum) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{option} takes a whole number of at least {minimum}, not {value}");
}
