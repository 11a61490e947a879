using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Torch;
using ModelZoo.Torch.Modules;
using ModelZoo.Zoo;
using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// A data set a tiny network learns in a few epochs: 12×12 grey images, noise everywhere, and a bright
/// 4×4 square in the quadrant named by the label.
/// </summary>
internal static class LearnableData
{
    internal static readonly string[] Quadrants = ["top-left", "top-right", "bottom-left", "bottom-right"];

    /// <summary>What the engine tests feed <see cref="TinyNet"/>: grey 12×12 with the data's rough statistics.</summary>
    internal static readonly Preprocessing Grey12 = new() { InputSize = 12, Channels = 1, Mean = [0.25], Std = [0.3] };

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

    internal TinyNet(int classes = 4) : base(new ModelOptions { NumClasses = classes, InChannels = 1, InputSize = 12 })
    {
        conv = RegisterModule("conv", new Conv2d(1, 8, 3, padding: 1, bias: false));
        bn = RegisterModule("bn", new BatchNorm2d(8));
        fc = RegisterModule("fc", new Linear(8 * 4, classes));
    }

    public override int NumFeatures => 8;

    public override Tensor ForwardFeatures(Tensor input)
    {
        using var x = F.relu(bn.call(conv.call(input)));
        return F.adaptive_avg_pool2d(x, (2, 2));
    }

    public override Tensor ForwardHead(Tensor features)
    {
        using var flat = features.flatten(1);
        return fc.call(flat);
    }

    public override void ResetClassifier(int numClasses) => throw new NotSupportedException("TinyNet keeps its classifier");

    public override void InitializeWeights() { }
}
