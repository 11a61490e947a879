using System.CommandLine;
using System.Text.Json;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Training;
using ModelZoo.TorchSharpAdditions;
using TorchSharp;

namespace ModelZoo.Cli.Commands;

/// <summary><c>modelzoo evaluate --model FILE --data SOURCE</c>: the test metrics of a trained model.</summary>
internal static class EvaluateCommand
{
    internal static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A model file (.mzmodel) or checkpoint (.mzckpt).", Required = true };
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
            using var trained = ModelFile.Load(result.GetValue(model)!);
            var opened = DataSource.Open(result.GetValue(data)!, result.GetValue(split), result.GetValue(seed), trained.Preprocessing.Channels);
            if (opened.ClassNames.Count != trained.ClassNames.Count)
                throw new ArgumentException($"the model predicts {trained.ClassNames.Count} classes but the data has {opened.ClassNames.Count}");
            var test = TrainCommand.Limit(opened.Test, result.GetValue(limitTest));
            var targetDevice = DevicePolicy.Resolve(result.GetValue(device)!);
            trained.Model.to(targetDevice);
            List<SkippedImage> skipped = [];
            var skipping = CommonOptions.ParseBadImages(result.GetValue(badImages)!) == BadImagePolicy.Skip;
            var metrics = Evaluator.Evaluate(trained.Model, test, trained.Preprocessing, topK: result.GetValue(topK), device: targetDevice,
                skipped: skipping ? skipped : null);
            if (result.GetValue(json))
            {
                var report = MetricsView.ToJson(metrics);
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
