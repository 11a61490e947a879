using Microsoft.ML;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Settings the user leaves unset come from the architecture family's recipe; a setting the user makes is passed to the
/// engine exactly as given, never rescaled.
/// </summary>
public sealed class RecipeDefaultsTests
{
    private readonly MLContext ml = new(seed: 1);

    private TrainerOptions EngineOptions(ImageClassifierTrainer.Options options) =>
        ml.MulticlassClassification.Trainers.ImageClassifier(options).TrainerOptions;

    [Fact]
    public void EveryRegisteredArchitectureHasItsFamilysRecipe()
    {
        foreach (var entry in ModelRegistry.Default.List())
        {
            var recipe = TrainingRecipes.For(entry.Name);
            Assert.Equal(entry.Family, recipe.Family);
            Assert.True(recipe.LearningRate > 0 && recipe.BatchSize > 0, entry.Name);
        }
    }

    [Theory]
    [InlineData("squeezenet1_1")]
    [InlineData("mobilenet_v1_x0_5")]
    [InlineData("shufflenet_v1_g3_x0_5")]
    [InlineData("se_resnet18")]
    public void UnsetSettingsTakeTheRecipe(string architecture)
    {
        var recipe = TrainingRecipes.For(architecture);
        var engine = EngineOptions(new ImageClassifierTrainer.Options { Architecture = architecture, Epochs = 10 });
        Assert.Equal(recipe.Optimizer, engine.Optimizer);
        Assert.Equal(recipe.LearningRate, engine.EffectiveLearningRate);
        Assert.Equal(recipe.WeightDecay, engine.EffectiveWeightDecay);
        Assert.Equal(recipe.BatchSize, engine.BatchSize);
        Assert.Equal(recipe.Schedule, engine.Schedule);
        Assert.Equal(recipe.WarmupEpochs, engine.WarmupEpochs);
        Assert.Equal(recipe.LabelSmoothing, engine.LabelSmoothing);
        Assert.Equal(recipe.Augmentation, engine.Augmentation);
    }

    [Fact]
    public void SqueezeNetWithoutBatchNormTrainsAtAGentlerRateThanTheBatchNormedFamilies()
    {
        // Measured on Fashion-MNIST: SGD at 0.02 and AdamW at 6e-3 left squeezenet1_1 at chance; AdamW 2e-3 in batches of
        // 32 leaves its first-epoch plateau soonest (TrainingRecipes.cs).
        var squeezenet = TrainingRecipes.For("squeezenet1_1");
        var mobilenet = TrainingRecipes.For("mobilenet_v2");
        Assert.Equal(OptimizerKind.AdamW, squeezenet.Optimizer);
        Assert.Equal(squeezenet.Optimizer, mobilenet.Optimizer);
        Assert.True(squeezenet.LearningRate < mobilenet.LearningRate);
        Assert.True(squeezenet.LearningRate <= 3e-3);
        Assert.True(squeezenet.BatchSize < mobilenet.BatchSize);
    }

    [Theory]
    [InlineData(1, 0.2)]
    [InlineData(3, 0.6)]
    [InlineData(5, 1.0)]
    [InlineData(30, 1.0)]
    public void TheRecipesWarmUpTakesAtMostAFifthOfTheRun(int epochs, double expected)
    {
        Assert.Equal(1.0, TrainingRecipes.For("mobilenet_v2").WarmupEpochs);
        var engine = EngineOptions(new ImageClassifierTrainer.Options { Architecture = "mobilenet_v2", Epochs = epochs });
        Assert.Equal(expected, engine.WarmupEpochs, 12);
        var given = EngineOptions(new ImageClassifierTrainer.Options { Architecture = "mobilenet_v2", Epochs = epochs, WarmupEpochs = 3 });
        Assert.Equal(3, given.WarmupEpochs);
    }

    [Fact]
    public void EverySettingTheUserMakesIsKeptExactly()
    {
        var engine = EngineOptions(new ImageClassifierTrainer.Options
        {
            Architecture = "squeezenet1_1",
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 0.0123,
            WeightDecay = 0.0042,
            BatchSize = 7,
            Schedule = ScheduleKind.OneCycle,
            WarmupEpochs = 0,
            LabelSmoothing = 0,
            Augmentation = Augmentation.None,
        });
        Assert.Equal(0.0123, engine.EffectiveLearningRate);
        Assert.Equal(0.0042, engine.EffectiveWeightDecay);
        Assert.Equal(7, engine.BatchSize);
        Assert.Equal(ScheduleKind.OneCycle, engine.Schedule);
        Assert.Equal(0, engine.WarmupEpochs);
        Assert.Equal(0, engine.LabelSmoothing);
        Assert.Equal(Augmentation.None, engine.Augmentation);
    }

    [Fact]
    public void AnotherOptimizerThanTheRecipesTakesThatOptimizersDefaultsNotTheRecipesRates()
    {
        var recipe = TrainingRecipes.For("mobilenet_v2");
        Assert.NotEqual(OptimizerKind.Adam, recipe.Optimizer);
        var engine = EngineOptions(new ImageClassifierTrainer.Options { Architecture = "mobilenet_v2", Optimizer = OptimizerKind.Adam });
        Assert.Equal(1e-3, engine.EffectiveLearningRate);
        Assert.Equal(0, engine.EffectiveWeightDecay);
        Assert.Equal(recipe.BatchSize, engine.BatchSize);
    }

    [Fact]
    public void TheRecipeInForceKeepsItsEvidenceOnlyWhileNothingIsChanged()
    {
        var untouched = new ImageClassifierTrainer.Options { Architecture = "mobilenet_v2", Epochs = 10 }.RecipeInForce();
        Assert.Equal(TrainingRecipes.For("mobilenet_v2"), untouched);
        var changed = new ImageClassifierTrainer.Options { Architecture = "mobilenet_v2", LearningRate = 0.3 }.RecipeInForce();
        Assert.Equal(0.3, changed.LearningRate);
        Assert.Equal("", changed.Evidence);
        Assert.StartsWith("adamw lr 0.3,", changed.ToString());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("hflip")]
    [InlineData("crop=4,hflip")]
    [InlineData("crop=2,vflip,rrc,erase=0.25,mixup=0.2,cutmix=1")]
    public void AnAugmentationsDescriptionParsesBackToIt(string text)
    {
        var augmentation = Augmentation.Parse(text);
        Assert.Equal(text, augmentation.Describe());
        Assert.Equal(augmentation, Augmentation.Parse(augmentation.Describe()));
    }
}
