using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelZoo.Pipelines.Data;
using ModelZoo.Cli.CodeGeneration;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo train ARCH --data SOURCE</c>: fits the ML.NET pipeline (<see cref="Models.ClassifierPipeline"/>), checkpointing
/// every epoch, evaluates it with ML.NET's evaluator and saves it as an ML.NET model zip.
/// </summary>
internal static class TrainCommand
{
    internal static Command Create()
    {
        var architecture = new Argument<string>("architecture") { Description = "Architecture name (see `modelzoo list`)." };
        var data = CommonOptions.Data();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 10 };
        var recipe = new RecipeOptions();
        var ema = new Option<double?>("--ema") { Description = "Keep an EMA of the weights with this decay (e.g. 0.999)." };
        var clip = new Option<double?>("--clip-grad") { Description = "Clip the gradient norm to this value." };
        var inputSize = new Option<int?>("--input-size") { Description = "Model input size (default: the images' own size, else 224)." };
        var limitTrain = new Option<int?>("--limit-train") { Description = "Use only the first N training examples." };
        var limitTest = CommonOptions.LimitTest();
        var output = new Option<string>("--out") { Description = "Output folder (model, checkpoints, history, curves).", DefaultValueFactory = _ => "runs/train" };
        var init = new Option<string?>("--init")
        {
            Description = "Start from these weights (fine-tuning): a PyTorch .pth or a ModelZoo model file, e.g. from 'modelzoo import'; a classifier for another class count starts fresh.",
        };
        var resume = new Option<string?>("--resume") { Description = "Continue from this checkpoint (or 'latest' in --out)." };
        var keep = new Option<int>("--keep-checkpoints") { Description = "Per-epoch checkpoints kept.", DefaultValueFactory = _ => 5 };
        var memoryFormat = new Option<string>("--memory-format") { Description = "auto (the device's fastest: nhwc on CPU, nchw on CUDA), nchw or nhwc.", DefaultValueFactory = _ => "auto" };
        var badImages = CommonOptions.BadImages();
        var split = CommonOptions.Split();
        var seed = CommonOptions.Seed();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var emitCode = new Option<string?>("--emit-code")
        {
            Description = "Also write a C# project to this folder that reproduces the run with the ML.NET API and predicts with the saved model.",
        };
        var json = CommonOptions.Json();
        var command = new Command("train", "Train an architecture on a data set; checkpoints every epoch and ends with the test metrics.")
        {
            architecture, data, epochs, ema, clip,
            inputSize, limitTrain, limitTest, output, init, resume, keep, memoryFormat, badImages, split, seed, device, threads, emitCode, json,
        };
        foreach (var option in recipe.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            ThreadPolicy.Apply(result.GetValue(threads));
            var seedValue = result.GetValue(seed);
            var opened = DataSource.Open(result.GetValue(data)!, result.GetValue(split), seedValue);
            var train = Limit(opened.Train, result.GetValue(limitTrain));
            var test = Limit(opened.Test, result.GetValue(limitTest));
            var outDirectory = result.GetValue(output)!;
            var options = new ImageClassifierTrainer.Options
            {
                Architecture = result.GetValue(architecture)!,
                Epochs = result.GetValue(epochs),
                EmaDecay = result.GetValue(ema),
                GradientClipNorm = result.GetValue(clip),
                CheckpointDirectory = Path.Combine(outDirectory, "checkpoints"),
                KeepCheckpoints = result.GetValue(keep),
                Resume = result.GetValue(resume),
                InitialWeights = result.GetValue(init),
                MemoryFormat = MemoryFormats.Parse(result.GetValue(memoryFormat)!),
                Device = result.GetValue(device)!,
                Seed = seedValue,
                BadImages = CommonOptions.ParseBadImages(result.GetValue(badImages)!),
            };
            recipe.ApplyTo(options, result);
            SetInput(options, opened, result.GetValue(inputSize));
            var dataRecipe = new DataRecipe(result.GetValue(data)!, result.GetValue(split), seedValue, result.GetValue(limitTrain), result.GetValue(limitTest));
            return new TrainingRun(dataRecipe, train, test, options, outDirectory, result.GetValue(json), result.GetValue(emitCode)).Execute();
        });
        return command;
    }

    /// <summary>The model input: the given size, else the images' own (CIFAR 32, Fashion-MNIST 28), else 224; the source's normalisation.</summary>
    internal static void SetInput(ImageClassifierTrainer.Options options, OpenedData opened, int? inputSize)
    {
        options.InputSize = inputSize ?? opened.NativeSize ?? 224;
        options.ImageChannels = opened.Train.Channels == 1 ? 1 : 3;
        options.Mean = opened.Mean;
        options.Std = opened.Std;
    }

    internal static IImageDataset Limit(IImageDataset dataset, int? count) => count is { } n
        ? n > 0 ? dataset.Take(n) : throw new ArgumentException($"a limit must be positive, got {n}")
        : dataset;

    internal static OptimizerKind ParseOptimizer(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sgd" => OptimizerKind.Sgd,
        "adam" => OptimizerKind.Adam,
        "adamw" => OptimizerKind.AdamW,
        _ => throw new ArgumentException($"unknown optimizer '{text}': expected sgd, adam or adamw"),
    };
}
