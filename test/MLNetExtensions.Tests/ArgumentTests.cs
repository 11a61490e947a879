using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.MLNetExtensions.Tests;

public sealed class ArgumentTests
{
    private readonly ModelZooContext ctx = new(seed: 1, device: "cpu");

    [Theory]
    [InlineData("shufflenet groups 5", "groups 1, 2, 3, 4 or 8")]
    [InlineData("shufflenet width 0.75", "width 0.5, 1.0, 1.5 or 2.0")]
    [InlineData("squeezenet 2.0", "versions 1_0, 1_1")]
    [InlineData("mobilenet version 4", "versions 1, 2 and 3")]
    [InlineData("mobilenet v1 width 0.3", "MobileNetV1 comes with width 1.0, 0.75, 0.5 or 0.25")]
    [InlineData("mobilenet v2 variant", "MobileNetV2 has no variants")]
    [InlineData("mobilenet v3 medium", "'small' and 'large'")]
    [InlineData("mobilenet width 0", "width must be positive")]
    [InlineData("senet 101", "depth 18, 34 or 50")]
    [InlineData("epochs 0", "epochs must be at least 1")]
    [InlineData("batch 0", "batch size must be at least 1")]
    [InlineData("learning rate", "learning rate must be positive")]
    [InlineData("label smoothing", "label smoothing must be in [0, 1)")]
    [InlineData("early stopping alone", "early stopping needs a validation set")]
    [InlineData("device", "needs CUDA, but TorchSharp found no CUDA backend")]
    public void UnsupportedCombinations_AreClearArgumentExceptions(string what, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Build(what));
        Assert.Contains(message, error.Message);
    }

    private ImageClassificationTrainer Build(string what) => what switch
    {
        "shufflenet groups 5" => ctx.Transforms.ShuffleNet(groups: 5),
        "shufflenet width 0.75" => ctx.Transforms.ShuffleNet(width: 0.75),
        "squeezenet 2.0" => ctx.Transforms.SqueezeNet("2.0"),
        "mobilenet version 4" => ctx.Transforms.MobileNet(version: 4),
        "mobilenet v1 width 0.3" => ctx.Transforms.MobileNet(version: 1, width: 0.3),
        "mobilenet v2 variant" => ctx.Transforms.MobileNet(version: 2, variant: "small"),
        "mobilenet v3 medium" => ctx.Transforms.MobileNet(version: 3, variant: "medium"),
        "mobilenet width 0" => ctx.Transforms.MobileNet(width: 0),
        "senet 101" => ctx.Transforms.SENet(depth: 101),
        "epochs 0" => ctx.Transforms.SqueezeNet(epochs: 0),
        "batch 0" => ctx.Transforms.SqueezeNet(batchSize: 0),
        "learning rate" => ctx.Transforms.SqueezeNet(learningRate: -1),
        "label smoothing" => ctx.Transforms.SqueezeNet(new SqueezeNetOptions { LabelSmoothing = 1 }),
        "early stopping alone" => ctx.Transforms.SqueezeNet(new SqueezeNetOptions { EarlyStopping = new EarlyStopping() }),
        "device" => ctx.Transforms.SqueezeNet(new SqueezeNetOptions { Device = "cuda" }),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Fact]
    public void Context_RejectsUnknownDevicesAndThreadCounts()
    {
        Assert.Contains("expected auto, cpu, cuda or cuda:N", Assert.ThrowsAny<ArgumentException>(() => new ModelZooContext(device: "tpu")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelZooContext(threads: 0));
    }

    [Fact]
    public void ImageTransforms_RejectBadValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Transforms.ResizeImages(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Transforms.RandomCrop(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Transforms.RandomErasing(1.5));
        Assert.Contains("give both mean and std", Assert.Throws<ArgumentException>(() => ctx.Transforms.NormalizeImages(mean: [0.5])).Message);
        Assert.Contains("same, non-zero number", Assert.Throws<ArgumentException>(() => ctx.Transforms.NormalizeImages([0.5, 0.5], [0.5])).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => ctx.Transforms.NormalizeImages([0.5], [0])).Message);
    }

    [Fact]
    public void NormalizeImages_WithTheWrongChannelCount_FailsWhenFitted()
    {
        var rgb = ctx.Data.LoadFromDataset(TinyData.Make(channels: 3));
        var error = Assert.Throws<ArgumentException>(() => ctx.Transforms.NormalizeImages([0.5, 0.5], [0.2, 0.2]).Fit(rgb));
        Assert.Contains("2 values but the images have 3 channels", error.Message);
    }

    [Fact]
    public void Data_RejectsBadSplitsAndMissingSources()
    {
        var data = ctx.Data.LoadFromDataset(TinyData.Make());
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Data.TrainTestSplit(data, testFraction: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Data.TrainTestSplit(data, testFraction: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Data.TakeRows(data, -1));
        Assert.Throws<DirectoryNotFoundException>(() => ctx.Data.LoadFromImageFolder("/no/such/folder"));
        Assert.Throws<FileNotFoundException>(() => ctx.Data.LoadFromListFile("/no/such/list.txt"));
        Assert.Throws<FileNotFoundException>(() => ctx.Data.LoadIdx("/no/images", "/no/labels"));
    }

    [Fact]
    public void WrongKindsOfData_AreNamed()
    {
        var images = ctx.Data.LoadFromDataset(TinyData.Make());
        var evaluate = Assert.Throws<ArgumentException>(() => ctx.MulticlassClassification.Evaluate(images));
        Assert.Contains("expected predictions", evaluate.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.MulticlassClassification.Evaluate(images, topKPredictionCount: 0));
        var nonImages = new PredictionOnly();
        Assert.Contains("expected image data", Assert.Throws<ArgumentException>(() => ctx.Transforms.RandomHorizontalFlip().Fit(nonImages)).Message);
        Assert.Contains("expected image data", Assert.Throws<ArgumentException>(() => ctx.Transforms.SqueezeNet().Fit(nonImages)).Message);
    }

    [Fact]
    public void SavingOrPredictingWithoutAClassifier_IsRefused()
    {
        using var flip = ctx.Transforms.RandomHorizontalFlip().Fit(ctx.Data.LoadFromDataset(TinyData.Make()));
        Assert.Contains("must end with a trained classifier", Assert.Throws<ArgumentException>(() => ctx.Model.Save(flip, "unused.mzmodel")).Message);
        Assert.Contains("must end with a trained classifier", Assert.Throws<ArgumentException>(() => ctx.Model.CreatePredictionEngine(flip)).Message);
        Assert.Throws<FileNotFoundException>(() => ctx.Model.Load("/no/such/model.mzmodel"));
    }

    private sealed class PredictionOnly : IDataView
    {
        public int Count => 0;
        public IReadOnlyList<string> ClassNames => [];
    }
}
