using System.CommandLine;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// The training-recipe options train and compare share. None has a default of its own: an option left out takes the
/// architecture family's recipe (<see cref="TrainingRecipes"/>, listed by <c>modelzoo recipes</c>), one given is used as given.
/// </summary>
internal sealed class RecipeOptions
{
    private const string FromRecipe = " (default: the architecture family's recipe, see `modelzoo recipes`)";

    private readonly Option<int?> batchSize = new("--batch-size") { Description = "Examples per step" + FromRecipe + "." };
    private readonly Option<double?> learningRate = new("--lr")
    {
        Description = "Peak learning rate" + FromRecipe + "; with another --optimizer than the recipe's: 0.05 SGD, 1e-3 Adam/AdamW.",
    };
    private readonly Option<string?> optimizer = new("--optimizer") { Description = "sgd, adam or adamw" + FromRecipe + "." };
    private readonly Option<double?> weightDecay = new("--weight-decay")
    {
        Description = "Weight decay" + FromRecipe + "; with another --optimizer than the recipe's: 4e-5 SGD, 0 Adam, 0.05 AdamW.",
    };
    private readonly Option<string?> schedule = new("--schedule") { Description = "constant, step, cosine or onecycle" + FromRecipe + "." };
    private readonly Option<double?> warmup = new("--warmup-epochs") { Description = "Linear warm-up epochs (cosine)" + FromRecipe + "." };
    private readonly Option<double?> smoothing = new("--label-smoothing") { Description = "Label smoothing" + FromRecipe + "." };
    private readonly Option<string?> augment = new("--augment")
    {
        Description = "none, standard, crop[=PAD], hflip, vflip, rrc, erase[=P], mixup[=A], cutmix[=A] (comma-separated)" + FromRecipe + ".",
    };

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [batchSize, learningRate, optimizer, weightDecay, schedule, warmup, smoothing, augment];

    /// <summary>The options the user gave, as <c>modelzoo train</c> arguments (for the children of a parallel compare).</summary>
    public IEnumerable<string> ToArguments(ParseResult result)
    {
        foreach (var option in All)
        {
            var value = result.GetResult(option)?.Tokens is { Count: > 0 } tokens ? tokens[0].Value : null;
            if (value is not null)
            {
                yield return option.Name;
                yield return value;
            }
        }
    }

    /// <summary>Copies what the user gave onto <paramref name="options"/>; what was left out stays null for the recipe.</summary>
    /// <exception cref="ArgumentException">An optimizer, schedule or augmentation that is not known.</exception>
    public void ApplyTo(ImageClassifierTrainer.Options options, ParseResult result)
    {
        options.BatchSize = result.GetValue(batchSize);
        options.LearningRate = result.GetValue(learningRate);
        options.Optimizer = result.GetValue(optimizer) is { } o ? TrainCommand.ParseOptimizer(o) : null;
        options.WeightDecay = result.GetValue(weightDecay);
        options.Schedule = result.GetValue(schedule) is { } s ? LearningRateSchedule.ParseKind(s) : null;
        options.WarmupEpochs = result.GetValue(warmup);
        options.LabelSmoothing = result.GetValue(smoothing);
        options.Augmentation = result.GetValue(augment) is { } a ? Augmentation.Parse(a) : null;
    }
}
