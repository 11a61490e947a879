using System.CommandLine;
using System.Text.Json;
using ModelZoo.Cli.Data;
using ModelZoo.Cli.Models;
using ModelZoo.Pipelines.Data;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo evaluate --model MODEL.zip --data SOURCE</c>: the test metrics of a saved model, from ML.NET's
/// evaluator on the model's own Transform of the test split.
/// </summary>
internal static class EvaluateCommand
{
    internal static Command Create()
    {
        var model = new Option<string>("--model") { Description = "An ML.NET model zip that train or import wrote.", Required = true };
        var data = CommonOptions.Data();
        var split = CommonOptions.Split();
        var seed = CommonOptions.Seed();
        var topK = CommonOptions.TopK();
        var limitTest = CommonOptions.LimitTest();
        var badImages = CommonOptions.BadImages();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("evaluate", "Evaluate a trained model on a data set's test split.")
        {
            model, data, split, seed, topK, limitTest, badImages, device, threads, json,
        };
        command.SetAction(result =>
        {
            ThreadPolicy.Apply(result.GetValue(threads));
            var mlContext = CliContext.Create(result.GetValue(seed), result.GetValue(device)!);
            var (loaded, inputSchema) = ModelZip.Load(mlContext, result.GetValue(model)!);
            using var classifier = ModelZip.Classifier(loaded);
            var source = result.GetValue(data)!;
            var opened = DataSource.Open(source, result.GetValue(split), result.GetValue(seed), classifier.Model.Options.InChannels);
            var classes = classifier.ClassNames;
            if (opened.ClassNames.Count != classes.Count)
                throw new ArgumentException($"the model predicts {classes.Count} classes but the data has {opened.ClassNames.Count}");
            if (!opened.ClassNames.SequenceEqual(classes))
                throw new ArgumentException($"the model's classes ({string.Join(", ", classes)}) are not the data's ({string.Join(", ", opened.ClassNames)})");
            List<SkippedImage> skipped = [];
            var test = ReadableImages.Filter(TrainCommand.Limit(opened.Test, result.GetValue(limitTest)),
                CommonOptions.ParseBadImages(result.GetValue(badImages)!), skipped);
            var rows = ModelInputs.ForDataset(mlContext, inputSchema, test, source);
            var metrics = ClassifierPipeline.Evaluate(mlContext, loaded, rows, classes.Count, result.GetValue(topK));
            if (result.GetValue(json))
            {
                var report = MetricsView.ToJson(metrics, classes);
                report["skipped_images"] = SkippedImagesView.ToJson(skipped);
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                MetricsView.Print(metrics);
                SkippedImagesView.Print(skipped);
            }
            return 0;
        });
        return command;
    }
}
