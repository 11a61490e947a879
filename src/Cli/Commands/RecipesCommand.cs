using System.CommandLine;
using System.Text.Json;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo recipes</c>: the training recipe of every family, which train, compare and the ML.NET trainers use for
/// each setting the user leaves out, and the measurement that chose it.
/// </summary>
internal static class RecipesCommand
{
    internal static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("recipes", "List each family's training recipe (the defaults of train, compare and the ML.NET trainers) and what chose it.") { json };
        command.SetAction(result =>
        {
            var recipes = TrainingRecipes.All.OrderBy(r => r.Family, StringComparer.Ordinal).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(recipes.Select(r => new
                {
                    family = r.Family,
                    optimizer = r.Optimizer.ToString().ToLowerInvariant(),
                    learning_rate = r.LearningRate,
                    weight_decay = r.WeightDecay,
                    schedule = r.Schedule.ToString().ToLowerInvariant(),
                    warmup_epochs = r.WarmupEpochs,
                    label_smoothing = r.LabelSmoothing,
                    batch_size = r.BatchSize,
                    augmentation = r.Augmentation.Describe(),
                    evidence = r.Evidence,
                }), new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            var table = new ConsoleTable("family", "recipe", "chosen by");
            foreach (var recipe in recipes) table.AddRow(recipe.Family, recipe.ToString(), recipe.Evidence);
            table.Write();
            Console.WriteLine("Any option given to train or compare (--lr, --optimizer, --batch-size, ...) replaces the recipe's value as given.");
            return 0;
        });
        return command;
    }
}
