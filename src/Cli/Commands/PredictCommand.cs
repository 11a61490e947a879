using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Reports;
using ModelZoo.TorchSharpAdditions;
using Spectre.Console;

namespace ModelZoo.Cli.Commands;

/// <summary><c>modelzoo predict --model FILE IMAGE...</c>: the top-K classes of each image.</summary>
internal static class PredictCommand
{
    internal static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A model file (.mzmodel) or checkpoint (.mzckpt).", Required = true };
        var images = new Argument<string[]>("images") { Description = "Image files (JPEG, PNG, BMP).", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "Classes to show per image.", DefaultValueFactory = _ => 3 };
        var grid = new Option<string?>("--grid") { Description = "Also write a PNG grid of the images titled with their predicted classes." };
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("predict", "Classify images with a trained model.") { model, images, top, grid, threads, json };
        command.SetAction(result =>
        {
            ThreadPolicy.Apply(result.GetValue(threads));
            var paths = result.GetValue(images)!;
            using var trained = ModelFile.Load(result.GetValue(model)!);
            using var predictor = new Predictor(trained);
            var predictions = predictor.PredictFiles(paths, result.GetValue(top));
            if (result.GetValue(grid) is { } gridPath)
            {
                // The grid shows the images as decoded (RGB), titled like seed 000's figure.
                var items = paths.Zip(predictions, (path, p) => (ImageDecoder.Decode(path, 3), $"{p.PredictedLabel} {p.Top[0].Probability:P0}")).ToList();
                PredictionGridFigure.Save(items, gridPath);
                if (!result.GetValue(json)) Console.Error.WriteLine($"grid: {gridPath}");
            }
            if (result.GetValue(json))
            {
                var rows = paths.Zip(predictions, (path, p) => new Dictionary<string, object>
                {
                    ["image"] = path,
                    ["predicted_label"] = p.PredictedLabel,
                    ["top"] = p.Top.Select(t => new Dictionary<string, object> { ["label"] = t.Label, ["probability"] = t.Probability }).ToList(),
                });
                Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            var table = new Table().AddColumns("image", "prediction", "top classes");
            foreach (var (path, p) in paths.Zip(predictions))
                table.AddRow(Markup.Escape(Path.GetFileName(path)), Markup.Escape(p.PredictedLabel),
                    Markup.Escape(string.Join(", ", p.Top.Select(t => $"{t.Label} {t.Probability.ToString("P1", CultureInfo.InvariantCulture)}"))));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
