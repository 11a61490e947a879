using System.CommandLine;
using System.Text.Json;
using ModelZoo.Zoo;

namespace ModelZoo.Cli.Commands;

/// <summary><c>modelzoo list [glob]</c>: every architecture with its parameters and MACs at 224 px.</summary>
internal static class ListCommand
{
    internal static Command Create()
    {
        var glob = new Argument<string?>("glob") { Description = "Only names matching this pattern (* and ?).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var command = new Command("list", "List the architectures: name, family, parameters and MACs at 1000 classes, 3x224x224.") { glob, json };
        command.SetAction(result =>
        {
            var entries = ModelRegistry.Default.List(result.GetValue(glob));
            if (entries.Count == 0) throw new ArgumentException($"no architecture matches '{result.GetValue(glob)}'");
            var rows = entries.Select(Measure).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            var table = new ConsoleTable("name", "family", "params", "MACs (224)", "description").RightAligned("params", "MACs (224)");
            foreach (var row in rows)
                table.AddRow(row.name, row.family, row.@params.ToString("N0"), $"{row.macs / 1e6:F1} M", row.description);
            table.Write();
            return 0;
        });
        return command;
    }

    private static ListedModel Measure(ModelEntry entry)
    {
        using var model = ModelRegistry.Default.Create(entry.Name);
        var summary = ModelSummary.Of(model);
        return new ListedModel(entry.Name, entry.Family, summary.Params, summary.Macs, entry.Description);
    }

#pragma warning disable IDE1006 // JSON field names.
    private sealed record ListedModel(string name, string family, long @params, long macs, string description);
#pragma warning restore IDE1006
}
