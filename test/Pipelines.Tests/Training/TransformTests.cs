using ModelZoo.Pipelines.Transforms;
using ModelZoo.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Tests.Training;

public sealed class TransformTests
{
    private static readonly Preprocessing Grey = new() { InputSize = 2, Channels = 1, Mean = [0.5], Std = [0.25] };

    [Fact]
    public void NormalizeScalesToUnitRangeThenStandardises()
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(new byte[] { 0, 51, 102, 255 }, [1, 1, 2, 2]);
        using var batch = BatchAugmenter.Apply(images, [0], 2, Grey, Augmentation.None, training: false, new Random(1));
        // (v/255 - 0.5) / 0.25
        var expected = new[] { -2f, -1.2f, -0.4f, 2f };
        var actual = batch.Input.data<float>().ToArray();
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 5);
        Assert.Equal([0L], batch.Target.data<long>().ToArray());
    }

    [Fact]
    public void SameSeedGivesTheSameAugmentedBatch()
    {
        using var scope = torch.NewDisposeScope();
        var pixels = Enumerable.Range(0, 8 * 3 * 8 * 8).Select(i => (byte)(i * 7 % 256)).ToArray();
        var images = torch.tensor(pixels, [8, 3, 8, 8]);
        var preprocessing = new Preprocessing { InputSize = 8 };
        var augmentation = new Augmentation { RandomCropPadding = 2, HorizontalFlip = true, VerticalFlip = true, RandomErasing = 0.5, MixupAlpha = 0.4 };
        long[] labels = [0, 1, 2, 3, 0, 1, 2, 3];
        using var a = BatchAugmenter.Apply(images, labels, 4, preprocessing, augmentation, true, new Random(5));
        using var b = BatchAugmenter.Apply(images, labels, 4, preprocessing, augmentation, true, new Random(5));
        using var c = BatchAugmenter.Apply(images, labels, 4, preprocessing, augmentation, true, new Random(6));
        Assert.Equal(0, a.Input.max_abs_diff(b.Input));
        Assert.Equal(0, a.Target.max_abs_diff(b.Target));
        Assert.True(a.Input.max_abs_diff(c.Input) > 0);
        // Mixup targets are probabilities: each row sums to 1.
        var sums = a.Target.sum(1).data<float>().ToArray();
        Assert.All(sums, s => Assert.Equal(1f, s, 5));
    }

    [Fact]
    public void FlipMirrorsTheChosenImagesOnly()
    {
        using var scope = torch.NewDisposeScope();
        // Two 1x1x3 images. The flip is the only random draw, one per image, so replaying the stream tells which flip.
        var images = torch.tensor(new byte[] { 1, 2, 3, 4, 5, 6 }, [2, 1, 1, 3]);
        var identity = new Preprocessing { InputSize = 3, Channels = 1, Mean = [0], Std = [1 / 255.0] };
        var replay = new Random(3);
        var expectedFlips = new[] { replay.NextDouble() < 0.5, replay.NextDouble() < 0.5 };
        var random = new Random(3);
        using var batch = BatchAugmenter.Apply(images, [0, 1], 2, identity, new Augmentation { HorizontalFlip = true }, true, random);
        var values = batch.Input.data<float>().ToArray();
        float[] first = expectedFlips[0] ? [3, 2, 1] : [1, 2, 3];
        float[] second = expectedFlips[1] ? [6, 5, 4] : [4, 5, 6];
        Assert.Equal(first.Concat(second), values.Select(v => MathF.Round(v)));
    }

    [Fact]
    public void AFloatBatchIsAugmentedWithoutTouchingTheCallersTensor()
    {
        using var scope = torch.NewDisposeScope();
        // Flips and normalisation work in place on the augmenter's own copy, never on its input.
        var images = torch.tensor(new float[] { 10, 20, 30, 40, 50, 60 }, [2, 1, 1, 3]);
        var halves = new Preprocessing { InputSize = 3, Channels = 1, Mean = [0], Std = [2 / 255.0] };
        using var batch = BatchAugmenter.Apply(images, [0, 1], 2, halves, new Augmentation { HorizontalFlip = true, VerticalFlip = true }, true, new Random(1));
        Assert.Equal([10f, 20, 30, 40, 50, 60], images.data<float>().ToArray());
        Assert.Equal(new[] { 5f, 10, 15, 20, 25, 30 }.Order(), batch.Input.data<float>().ToArray().Select(v => MathF.Round(v)).Order());
    }

    [Fact]
    public void AugmentationListsParse()
    {
        var parsed = Augmentation.Parse("crop=2,hflip,erase=0.3,mixup");
        Assert.Equal(new Augmentation { RandomCropPadding = 2, HorizontalFlip = true, RandomErasing = 0.3, MixupAlpha = 0.2 }, parsed);
        Assert.Throws<ArgumentException>(() => Augmentation.Parse("sharpen"));
    }
}
