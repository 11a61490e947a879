using System.CommandLine;
using ModelZoo.Zoo;

namespace ModelZoo.Cli.Commands;

/// <summary><c>modelzoo summary NAME</c>: the per-layer table and totals of one architecture.</summary>
internal static class SummaryCommand
{
    internal static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Architecture name (see `modelzoo list`)." };
        var classes = new Option<int>("--classes") { Description = "Number of classes.", DefaultValueFactory = _ => 1000 };
        var inChannels = new Option<int>("--in-channels") { Description = "Input channels (1 for grey).", DefaultValueFactory = _ => 3 };
        var inputSize = new Option<int>("--input-size") { Description = "Input side in pixels.", DefaultValueFactory = _ => 224 };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var command = new Command("summary", "Per-layer summary (output shape, parameters, MACs) of an architecture.")
        {
            name, classes, inChannels, inputSize, json,
        };
        command.SetAction(result =>
        {
            var options = new ModelOptions
            {
                NumClasses = result.GetValue(classes),
                InChannels = result.GetValue(inChannels),
                InputSize = result.GetValue(inputSize),
            };
            using var model = ModelRegistry.Default.Create(result.GetValue(name)!, options);
            var summary = ModelSummary.Of(model);
            Console.Write(result.GetValue(json) ? summary.ToJson() + Environment.NewLine : summary.ToText());
            return 0;
        });
        return command;
    }
}
