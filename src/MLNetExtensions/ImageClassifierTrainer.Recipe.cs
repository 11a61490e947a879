using ModelZoo.Pipelines.Training;

namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    public sealed partial class Options
    {
        /// <summary>
        /// The recipe this run trains with: the architecture family's (<see cref="TrainingRecipes"/>) with every setting
        /// the user made in its place, unchanged. The recipe's learning rate and weight decay were measured with its
        /// optimizer, so with another optimizer the engine's defaults for that one apply instead (0.05 / 4e-5 SGD,
        /// 1e-3 / 0 Adam, 1e-3 / 0.05 AdamW). The recipe's warm-up is capped at <see cref="TrainingRecipe.MaxWarmupFraction"/>
        /// of <see cref="Epochs"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The architecture is not registered.</exception>
        public TrainingRecipe RecipeInForce()
        {
            var recipe = TrainingRecipes.For(Architecture);
            // A recipe's warm-up takes at most a fifth of the run, so a short run still decays (a user's warm-up is kept).
            recipe = recipe with { WarmupEpochs = Math.Min(recipe.WarmupEpochs, Epochs * TrainingRecipe.MaxWarmupFraction) };
            var optimizer = Optimizer ?? recipe.Optimizer;
            var recipeOptimizer = optimizer == recipe.Optimizer;
            var rates = new TrainerOptions
            {
                Optimizer = optimizer,
                LearningRate = LearningRate ?? (recipeOptimizer ? recipe.LearningRate : null),
                WeightDecay = WeightDecay ?? (recipeOptimizer ? recipe.WeightDecay : null),
            };
            var inForce = recipe with
            {
                Optimizer = optimizer,
                LearningRate = rates.EffectiveLearningRate,
                WeightDecay = rates.EffectiveWeightDecay,
                BatchSize = BatchSize ?? recipe.BatchSize,
                LabelSmoothing = LabelSmoothing ?? recipe.LabelSmoothing,
                Augmentation = Augmentation ?? recipe.Augmentation,
                Schedule = Schedule ?? recipe.Schedule,
                WarmupEpochs = WarmupEpochs ?? recipe.WarmupEpochs,
            };
            // Evidence belongs to the measured recipe only, not to one the user changed.
            return inForce with { Evidence = inForce with { Evidence = recipe.Evidence } == recipe ? recipe.Evidence : "" };
        }
    }
}
