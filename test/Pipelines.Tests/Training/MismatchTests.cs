using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;
using TorchSharp;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>A model and data, a checkpoint or a model file that do not fit: each error names the expected and the actual value.</summary>
[Collection(SerialTensorTests.Name)]
public sealed class MismatchTests : IDisposable
{
    private static readonly Preprocessing Grey12 = LearnableData.Grey12;
    private static readonly TrainerOptions OneEpoch = new()
    {
        Epochs = 1, BatchSize = 32, Optimizer = OptimizerKind.Adam, Augmentation = Augmentation.None, Device = "cpu", Seed = 7, Workers = 1,
    };

    private readonly TempDirectory folder = new();
    private readonly ModelRegistry registry = TinyNet.Registry();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Training_a_one_channel_model_on_three_channel_preprocessing_names_both_counts()
    {
        using var model = new TinyNet();

        var error = Assert.Throws<ArgumentException>(() =>
            new Trainer(OneEpoch).Fit(model, LearnableData.Create(32, 1), null, Grey12 with { Channels = 3, Mean = [0.5], Std = [0.5] }));

        Assert.Equal("the preprocessing gives 3 channel(s) but the model takes 1", error.Message);
    }

    [Fact]
    public void Training_a_model_for_other_classes_names_both_counts()
    {
        using var model = new TinyNet(classes: 3);

        var error = Assert.Throws<ArgumentException>(() => new Trainer(OneEpoch).Fit(model, LearnableData.Create(32, 1), null, Grey12));

        Assert.Equal("the training set has 4 classes but the model predicts 3", error.Message);
    }

    [Fact]
    public void Images_smaller_than_the_architecture_takes_name_both_sizes()
    {
        // Outside small-input mode SqueezeNet 1.1 needs 17 px: 12 px images would fail inside libtorch.
        using var model = ModelRegistry.Default.Create("squeezenet1_1", new ModelOptions { NumClasses = 4, InChannels = 1, SmallInput = false });

        var error = Assert.Throws<ArgumentException>(() => new Trainer(OneEpoch).Fit(model, LearnableData.Create(32, 1), null, Grey12));

        Assert.Equal("the preprocessing gives 12 px images but the model needs at least 17 px", error.Message);
    }

    [Fact]
    public void Resuming_a_checkpoint_of_other_classes_names_both_counts()
    {
        var checkpoint = Checkpoint();
        using var model = registry.Create("tiny_net", new ModelOptions { NumClasses = 3, InChannels = 1, InputSize = 12 });

        var error = Restore(checkpoint, model);

        Assert.Equal($"{checkpoint}: the checkpoint was trained for 4 classes but the model predicts 3", error.Message);
    }

    [Fact]
    public void Resuming_a_checkpoint_of_other_channels_names_both_counts()
    {
        var checkpoint = Checkpoint();
        using var model = registry.Create("tiny_net", new ModelOptions { NumClasses = 4, InChannels = 3, InputSize = 12 });

        var error = Restore(checkpoint, model);

        Assert.Equal($"{checkpoint}: the checkpoint was trained on 1 input channel(s) but the model takes 3", error.Message);
    }

    [Fact]
    public void Resuming_a_checkpoint_of_another_architecture_names_both()
    {
        var checkpoint = Checkpoint();
        registry.Register("other_net", "Tiny", "the same network under another name", options => new TinyNet(options));
        using var model = registry.Create("other_net", new ModelOptions { NumClasses = 4, InChannels = 1, InputSize = 12 });

        var error = Restore(checkpoint, model);

        Assert.Equal($"{checkpoint}: checkpoint of 'tiny_net' cannot resume 'other_net'", error.Message);
    }

    [Fact]
    public void A_model_file_whose_options_and_preprocessing_disagree_on_channels_names_both()
    {
        var path = folder.File("grey.mzmodel");
        using (var model = registry.Create("tiny_net", new ModelOptions { NumClasses = 4, InChannels = 1, InputSize = 12 }))
            ModelFile.Save(new TrainedModel(model, LearnableData.Quadrants, Grey12 with { Channels = 3, Mean = [0.5], Std = [0.5] }), path);

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, registry));

        Assert.Equal($"{path}: the model takes 1 input channel(s) but its preprocessing gives 3", error.Message);
    }

    [Fact]
    public void A_model_file_of_an_unknown_architecture_names_it_and_the_closest()
    {
        var path = folder.File("unknown.mzmodel");
        using (var model = registry.Create("tiny_net", new ModelOptions { NumClasses = 4, InChannels = 1, InputSize = 12 }))
            ModelFile.Save(new TrainedModel(model, LearnableData.Quadrants, Grey12), path, new Dictionary<string, string> { ["architecture"] = "tiny_nett" });

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, registry));

        Assert.Equal($"{path}: architecture 'tiny_nett' is not in the zoo; closest: tiny_net", error.Message);
    }

    [Fact]
    public void A_model_file_claiming_more_classes_than_it_stores_weights_is_refused_before_building()
    {
        var path = folder.File("bomb.mzmodel");
        string[] classes = [.. Enumerable.Range(0, 5000).Select(i => $"c{i}")];
        using (var model = registry.Create("tiny_net", new ModelOptions { NumClasses = 4, InChannels = 1, InputSize = 12 }))
            ModelFile.Save(new TrainedModel(model, classes, Grey12), path, new Dictionary<string, string>
            {
                ["model_options"] = """{"NumClasses":5000,"InChannels":1,"InputSize":12}""",
            });

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, registry));

        Assert.Equal($"{path}: 5000 classes, but the file stores only 237 model weights", error.Message);
    }

    private string Checkpoint() => LearnableData.OneEpochCheckpoint(registry, Path.Combine(folder.Path, "checkpoints"));

    private static InvalidDataException Restore(string checkpoint, ClassificationModel model)
    {
        using var optimizer = torch.optim.Adam(model.parameters());
        return Assert.Throws<InvalidDataException>(() => CheckpointStore.Restore(checkpoint, model, optimizer, null));
    }
}
