using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using BatchNorm2d = ModelZoo.Zoo.Layers.BatchNorm2d;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// A data set a tiny network learns in a few epochs: 12×12 grey images, noise everywhere, and a bright
/// 4×4 square in the quadrant named by the label.
/// </summary>
internal static class LearnableData
{
    internal static readonly string[] Quadrants = ["top-left", "top-right", "bottom-left", "bottom-right"];

    /// <summary>The images as model input: 12 px grey, normalised roughly to the data's statistics.</summary>
    internal static readonly Preprocessing Grey12 = new() { InputSize = 12, Channels = 1, Mean = [0.25], Std = [0.3] };

    /// <summary>
    /// Trains <paramref name="registry"/>'s tiny_net (4 classes, 1 channel) for one epoch of 64 images with Adam (and an
    /// EMA when <paramref name="emaDecay"/> is given), checkpointing into <paramref name="directory"/>; returns the checkpoint.
    /// </summary>
    internal static string OneEpochCheckpoint(ModelRegistry registry, string directory, double? emaDecay = null)
    {
        torch.random.manual_seed(7);
        using var model = registry.Create("tiny_net", new ModelOptions { NumClasses = 4, InChannels = 1, InputSize = 12 });
        new Trainer(new TrainerOptions
        {
            Epochs = 1, BatchSize = 32, Optimizer = OptimizerKind.Adam, Augmentation = Augmentation.None, EmaDecay = emaDecay,
            Device = "cpu", CheckpointDirectory = directory, Seed = 7, Workers = 1,
        }).Fit(model, Create(64, 1), null, Grey12);
        return CheckpointStore.Latest(directory)!;
    }

    internal static InMemoryImageDataset Create(int count, int seed)
    {
        const int size = 12;
        var random = new Random(seed);
        var pixels = new byte[count * size * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 4;
            labels[i] = label;
            var image = pixels.AsSpan(i * size * size, size * size);
            for (var p = 0; p < image.Length; p++) image[p] = (byte)random.Next(0, 90);
            var top = label / 2 * 6 + 1;
            var left = label % 2 * 6 + 1;
            for (var y = top; y < top + 4; y++)
                for (var x = left; x < left + 4; x++)
                    image[y * size + x] = (byte)random.Next(180, 256);
        }
        return new InMemoryImageDataset(pixels, labels, size, size, 1, Quadrants);
    }
}

/// <summary>A small convolutional classifier for engine tests (the zoo's models are tested in Zoo.Tests).</summary>
internal sealed class TinyNet : ClassificationModel
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly Linear fc;

    internal TinyNet(int classes = 4) : this(new ModelOptions { NumClasses = classes, InChannels = 1, InputSize = 12 })
    {
    }

    /// <summary>Takes the class and channel counts from <paramref name="options"/> (what a registry factory needs).</summary>
    internal TinyNet(ModelOptions options) : base(options)
    {
        conv = Register("conv", nn.Conv2d(options.InChannels, 8, 3, padding: 1, bias: false));
        bn = Register("bn", new BatchNorm2d(8));
        fc = Register("fc", nn.Linear(8 * 4, options.NumClasses));
    }

    /// <summary>A registry holding only <c>tiny_net</c>, for model files and checkpoints that load fast.</summary>
    internal static ModelRegistry Registry()
    {
        var registry = new ModelRegistry();
        registry.Register("tiny_net", "Tiny", "engine-test network", options => new TinyNet(options));
        return registry;
    }

    public override int NumFeatures => 8;

    public override Tensor ForwardFeatures(Tensor input)
    {
        using var convolved = conv.call(input);
        using var normalised = bn.call(convolved);
        using var x = F.relu(normalised);
        return F.adaptive_avg_pool2d(x, [2, 2]);
    }

    public override Tensor ForwardHead(Tensor features)
    {
        using var flat = features.flatten(1);
        return fc.call(flat);
    }

    public override void ResetClassifier(int numClasses) => throw new NotSupportedException("TinyNet keeps its classifier");

    public override void InitializeWeights() { }
}
