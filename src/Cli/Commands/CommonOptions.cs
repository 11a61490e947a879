using System.CommandLine;
using ModelZoo.Pipelines.Data;

namespace ModelZoo.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help agree.</summary>
internal static class CommonOptions
{
    internal static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON instead of tables." };

    internal static Option<string> Data(bool required = true) => new("--data")
    {
        Description = "Data source: " + Pipelines.Data.DataSource.Forms + ".",
        Required = required,
    };

    internal static Option<double> Split() => new("--split")
    {
        Description = "Training fraction when a folder or single list file is split per class.",
        DefaultValueFactory = _ => 0.7,
    };

    internal static Option<int> Seed() => new("--seed") { Description = "Random seed (weights, order, augmentation, split).", DefaultValueFactory = _ => 1 };

    internal static Option<string> Device() => new("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "auto" };

    internal static Option<int?> Threads() => new("--threads") { Description = "Intra-op threads (default: every logical processor)." };

    internal static Option<int?> LimitTest() => new("--limit-test") { Description = "Use only the first N test examples." };

    internal static Option<string> BadImages()
    {
        var option = new Option<string>("--bad-images")
        {
            Description = "An image file that cannot be read: skip (leave it out and list it) or fail (stop, naming the file).",
            DefaultValueFactory = _ => "skip",
        };
        option.AcceptOnlyFromAmong("skip", "fail");
        return option;
    }

    internal static BadImagePolicy ParseBadImages(string text) => Enum.Parse<BadImagePolicy>(text, ignoreCase: true);

    internal static Option<int> TopK() => new("--top-k") { Description = "K of the top-K accuracy.", DefaultValueFactory = _ => 5 };
}
