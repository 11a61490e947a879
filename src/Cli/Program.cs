using System.CommandLine;
using ModelZoo.Cli;
using ModelZoo.Cli.Commands;

var root = new RootCommand("ModelZoo: create, train, evaluate and compare lightweight image-classification CNNs.");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
return CliErrors.Run(() =>
{
    ConsoleSetup.Apply();
    ModelZoo.TorchSharpAdditions.ThreadPolicy.Apply();
    // Our handler turns user errors into one line; the default one would print stack traces.
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
});
