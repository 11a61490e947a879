using System.CommandLine;

namespace ModelZoo.Cli.Commands;

/// <summary>Every subcommand of <c>modelzoo</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    internal static IEnumerable<Command> All()
    {
        yield return InfoCommand.Create();
        yield return ListCommand.Create();
        yield return SummaryCommand.Create();
        yield return RecipesCommand.Create();
        yield return TrainCommand.Create();
        yield return EvaluateCommand.Create();
        yield return PredictCommand.Create();
        yield return ImportCommand.Create();
        yield return CompareCommand.Create();
        yield return BenchmarkCommand.Create();
        yield return ExportCommand.Create();
    }
}
