using Microsoft.ML;
using ModelZoo.Pipelines.Training;
using TorchSharp;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>Every bad value or combination fails where the pipeline is written, as one ArgumentException naming it.</summary>
public sealed class ArgumentTests
{
    private readonly MLContext ml = new(seed: 1);

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
    [InlineData("unknown architecture", "Architecture: the zoo has no 'mobilenet_v9'")]
    [InlineData("epochs 0", "epochs must be at least 1")]
    [InlineData("batch 0", "batch size must be at least 1")]
    [InlineData("learning rate", "learning rate must be positive")]
    [InlineData("label smoothing", "label smoothing must be in [0, 1)")]
    [InlineData("ema", "EMA decay must be in (0, 1)")]
    [InlineData("clip", "gradient clip norm must be positive")]
    [InlineData("empty label column", "LabelColumnName must name a column")]
    [InlineData("empty score column", "ScoreColumnName must name a column")]
    [InlineData("input size", "InputSize must be at least 8 px")]
    [InlineData("channels", "ImageChannels must be 1 or 3")]
    [InlineData("mean alone", "Mean and Std must be given together")]
    [InlineData("std zero", "Std values must be positive")]
    [InlineData("warm-up", "WarmupEpochs must not be negative")]
    [InlineData("threads", "Threads must be at least 1")]
    [InlineData("fraction 0", "ValidationFraction must be in (0, 1), got 0")]
    [InlineData("fraction 1", "ValidationFraction must be in (0, 1), got 1")]
    [InlineData("set and fraction", "set ValidationSet or ValidationFraction, not both")]
    [InlineData("early stopping alone", "EarlyStopping needs a validation set")]
    [InlineData("early stopping patience", "EarlyStopping.Patience must be at least 1")]
    [InlineData("early stopping metric", "early stopping metric must be accuracy or loss")]
    [InlineData("keep checkpoints", "KeepCheckpoints must be at least 1")]
    [InlineData("resume latest alone", "Resume = \"latest\" needs a CheckpointDirectory")]
    [InlineData("resume missing file", "Resume: no checkpoint file at '/no/such/epoch-001.mzckpt'")]
    [InlineData("initial weights missing", "InitialWeights: no weights file at '/no/such/weights.pth'")]
    [InlineData("unknown device", "unknown device 'tpu': expected auto, cpu, cuda or cuda:N")]
    public void Bad_settings_are_one_clear_argument_exception(string what, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Build(what));
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private ImageClassifierTrainer Build(string what)
    {
        var trainers = ml.MulticlassClassification.Trainers;
        var options = new ImageClassifierTrainer.Options();
        return what switch
        {
            "shufflenet groups 5" => trainers.ShuffleNet(groups: 5),
            "shufflenet width 0.75" => ml.Transforms.ShuffleNet(width: 0.75),
            "squeezenet 2.0" => trainers.SqueezeNet(version: "2.0"),
            "mobilenet version 4" => ml.Transforms.MobileNet(version: 4),
            "mobilenet v1 width 0.3" => trainers.MobileNet(options, version: 1, width: 0.3),
            "mobilenet v2 variant" => trainers.MobileNet(version: 2, variant: "small"),
            "mobilenet v3 medium" => ml.Transforms.MobileNet(options, version: 3, variant: "medium"),
            "mobilenet width 0" => trainers.MobileNet(width: 0),
            "senet 101" => ml.Transforms.SENet(depth: 101),
            "unknown architecture" => trainers.ImageClassifier("mobilenet_v9"),
            "epochs 0" => trainers.SqueezeNet(epochs: 0),
            "batch 0" => ml.Transforms.SqueezeNet(batchSize: 0),
            "learning rate" => trainers.ShuffleNet(learningRate: -1),
            "label smoothing" => With(o => o.LabelSmoothing = 1),
            "ema" => With(o => o.EmaDecay = 1.5),
            "clip" => With(o => o.GradientClipNorm = 0),
            "empty label column" => trainers.SENet(labelColumnName: ""),
            "empty score column" => ml.Transforms.SENet(scoreColumnName: " "),
            "input size" => With(o => o.InputSize = 4),
            "channels" => With(o => o.ImageChannels = 2),
            "mean alone" => With(o => o.Mean = [0.5]),
            "std zero" => With(o => (o.Mean, o.Std) = ([0.5], [0.0])),
            "warm-up" => With(o => o.WarmupEpochs = -1),
            "threads" => With(o => o.Threads = 0),
            "fraction 0" => With(o => o.ValidationFraction = 0),
            "fraction 1" => With(o => o.ValidationFraction = 1),
            "set and fraction" => With(o => (o.ValidationSet, o.ValidationFraction) = (BarRow.Load(ml, 1), 0.2)),
            "early stopping alone" => With(o => o.EarlyStopping = new EarlyStopping()),
            "early stopping patience" => With(o => (o.EarlyStopping, o.ValidationFraction) = (new EarlyStopping { Patience = 0 }, 0.2)),
            "early stopping metric" => With(o => (o.EarlyStopping, o.ValidationFraction) = (new EarlyStopping { Metric = "f1" }, 0.2)),
            "keep checkpoints" => With(o => (o.CheckpointDirectory, o.KeepCheckpoints) = ("checkpoints", 0)),
            "resume latest alone" => With(o => o.Resume = "latest"),
            "resume missing file" => With(o => o.Resume = "/no/such/epoch-001.mzckpt"),
            "initial weights missing" => With(o => o.InitialWeights = "/no/such/weights.pth"),
            "unknown device" => With(o => o.Device = "tpu"),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
    }

    private ImageClassifierTrainer With(Action<ImageClassifierTrainer.Options> set)
    {
        var options = new ImageClassifierTrainer.Options { Architecture = "mobilenet_v1_x0_25" };
        set(options);
        return ml.MulticlassClassification.Trainers.ImageClassifier(options);
    }

    [Fact]
    public void Null_options_are_refused_by_every_options_overload()
    {
        Assert.Throws<ArgumentNullException>(() => ml.MulticlassClassification.Trainers.ImageClassifier((ImageClassifierTrainer.Options)null!));
        Assert.Throws<ArgumentNullException>(() => ml.MulticlassClassification.Trainers.ShuffleNet((ImageClassifierTrainer.Options)null!));
        Assert.Throws<ArgumentNullException>(() => ml.Transforms.SqueezeNet((ImageClassifierTrainer.Options)null!));
    }

    [Fact]
    public void Cuda_asked_for_without_a_cuda_backend_is_named()
    {
        var options = new ImageClassifierTrainer.Options { Architecture = "mobilenet_v1_x0_25", Device = "cuda" };
        if (torch.cuda.is_available())
            Assert.StartsWith("cuda", ml.MulticlassClassification.Trainers.ImageClassifier(options).TrainerOptions.Device);
        else
            Assert.Contains("needs CUDA, but TorchSharp found no CUDA backend",
                Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.ImageClassifier(options)).Message);
    }
}
