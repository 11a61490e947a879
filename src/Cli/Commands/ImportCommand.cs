using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using ModelZoo.Cli.Models;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo import ARCH --weights FILE.pth --out MODEL</c>: PyTorch weights (torchvision's for SqueezeNet,
/// MobileNetV2/V3; megvii's for ShuffleNetV1) become an ML.NET model zip, the same form <c>train</c> writes, that
/// <c>predict</c>, <c>evaluate</c> and <c>train --init</c> (fine-tuning) take. The model predicts with the weights' own preprocessing:
/// by default torchvision's ImageNet evaluation preset (shorter side to 256, center crop 224, ImageNet mean and std).
/// </summary>
internal static class ImportCommand
{
    // torchvision's ImageNet evaluation transform: Resize(256), CenterCrop(224), Normalize(ImageNet mean, std).
    private const int TorchvisionCrop = 224;
    private const int TorchvisionResize = 256;
    private const int ImageNetClasses = 1000;

    internal static Command Create()
    {
        var architecture = new Argument<string>("architecture") { Description = "A registered architecture (modelzoo list)." };
        var weights = new Option<string>("--weights") { Description = "A PyTorch state dict (torch.save(model.state_dict(), path)).", Required = true };
        var output = new Option<string>("--out") { Description = "The ML.NET model zip to write.", Required = true };
        var classes = new Option<int?>("--classes")
        {
            Description = $"Classes the model predicts (default {ImageNetClasses}). Another count than the weights' gives a fresh classifier to fine-tune.",
        };
        var classNames = new Option<string?>("--class-names") { Description = "A text file with one class name per line (default: the class indexes)." };
        var inputSize = new Option<int>("--input-size") { Description = "Side of the center crop the model sees.", DefaultValueFactory = _ => TorchvisionCrop };
        var resize = new Option<int>("--resize") { Description = "The shorter image side before the crop.", DefaultValueFactory = _ => TorchvisionResize };
        var mean = new Option<string>("--mean") { Description = "Per-channel mean of the 0..1 pixels, comma-separated.", DefaultValueFactory = _ => Join(Preprocessing.ImageNetMean) };
        var std = new Option<string>("--std") { Description = "Per-channel standard deviation, comma-separated.", DefaultValueFactory = _ => Join(Preprocessing.ImageNetStd) };
        var json = CommonOptions.Json();
        var command = new Command("import", "Turn PyTorch weights (.pth) into an ML.NET model zip.")
        {
            architecture, weights, output, classes, classNames, inputSize, resize, mean, std, json,
        };
        command.SetAction(result =>
        {
            var crop = result.GetValue(inputSize);
            var shorterSide = result.GetValue(resize);
            if (shorterSide < crop)
                throw new ArgumentException($"--resize ({shorterSide}) must be at least --input-size ({crop})");
            var preprocessing = new Preprocessing
            {
                InputSize = crop,
                Channels = 3,
                Mean = ParseValues(result.GetValue(mean)!, "--mean"),
                Std = ParseValues(result.GetValue(std)!, "--std"),
                CropFraction = (double)crop / shorterSide,
            }.Validate();
            var classCount = result.GetValue(classes) ?? ImageNetClasses;
            var names = result.GetValue(classNames) is { } namesPath
                ? ClassNamesFile.Read(namesPath, classCount)
                : Enumerable.Range(0, classCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
            var name = result.GetValue(architecture)!;
            var model = ModelRegistry.Default.Create(name, new ModelOptions { NumClasses = classCount, InputSize = crop });
            var weightsPath = result.GetValue(weights)!;
            IReadOnlyList<string> reinitialised;
            try
            {
                reinitialised = PyTorchWeights.Load(model, weightsPath, reinitializeClassifierOnMismatch: result.GetValue(classes) is not null);
            }
            catch
            {
                model.Dispose();
                throw;
            }
            model.eval();
            var outPath = result.GetValue(output)!;
            var mlContext = new MLContext(seed: 1);
            using (var classifier = PretrainedClassifier.Create(mlContext, new TrainedModel(model, names, preprocessing)))
                ImportedPipeline.Save(mlContext, classifier, names, outPath);
            var facts = new Dictionary<string, object>
            {
                ["architecture"] = name,
                ["weights"] = weightsPath,
                ["model"] = outPath,
                ["classes"] = classCount,
                ["reinitialized"] = reinitialised,
                ["preprocessing"] = $"shorter side {shorterSide}, center crop {crop}, mean [{Join(preprocessing.Mean)}], std [{Join(preprocessing.Std)}]",
            };
            if (result.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(facts, new JsonSerializerOptions { WriteIndented = true }));
            else
            {
                Console.WriteLine($"{name}: {weightsPath} → {outPath} ({classCount} classes; {facts["preprocessing"]})");
                if (reinitialised.Count > 0)
                    Console.WriteLine($"classifier re-initialised for {classCount} classes ({string.Join(", ", reinitialised)}): fine-tune before predicting");
            }
            return 0;
        });
        return command;
    }

    private static string Join(double[] values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static double[] ParseValues(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new ArgumentException($"{option} '{text}': '{parts[i]}' is not a number");
        return values;
    }
}
