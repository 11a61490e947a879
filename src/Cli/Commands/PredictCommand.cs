using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Cli.Data;
using ModelZoo.Cli.Models;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Cli.Commands;

/// <summary><c>modelzoo predict --model MODEL.zip IMAGE...</c>: the top-K classes of each image, from the model's ML.NET Transform.</summary>
internal static class PredictCommand
{
    /// <summary>One image's answer: the PredictedLabel column and the K highest Score slots with their class names.</summary>
    internal sealed record ImagePrediction(string Image, string PredictedLabel, IReadOnlyList<(string Label, float Probability)> Top);

    internal static Command Create()
    {
        var model = new Option<string>("--model") { Description = "An ML.NET model zip that train or import wrote.", Required = true };
        var images = new Argument<string[]>("images") { Description = "Image files (JPEG, PNG, BMP).", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "Classes to show per image.", DefaultValueFactory = _ => 3 };
        var grid = new Option<string?>("--grid") { Description = "Also write a PNG grid of the images titled with their predicted classes." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("predict", "Classify images with a trained model.") { model, images, top, grid, device, threads, json };
        command.SetAction(result =>
        {
            ThreadPolicy.Apply(result.GetValue(threads));
            if (result.GetValue(top) < 1) throw new ArgumentException($"--top must be at least 1, got {result.GetValue(top)}");
            var paths = result.GetValue(images)!;
            var mlContext = CliContext.Create(seed: 1, result.GetValue(device)!);
            var (loaded, inputSchema) = ModelZip.Load(mlContext, result.GetValue(model)!);
            using var classifier = ModelZip.Classifier(loaded);
            var predictions = Predict(mlContext, loaded, inputSchema, paths, result.GetValue(top));
            if (result.GetValue(grid) is { } gridPath)
            {
                // The grid shows the images as decoded (RGB).
                var items = predictions.Select(p => (ImageDecoder.Decode(p.Image, 3), $"{p.PredictedLabel} {p.Top[0].Probability:P0}")).ToList();
                PredictionGridFigure.Save(items, gridPath);
                if (!result.GetValue(json)) Console.Error.WriteLine($"grid: {gridPath}");
            }
            if (result.GetValue(json))
            {
                var rows = predictions.Select(p => new Dictionary<string, object>
                {
                    ["image"] = p.Image,
                    ["predicted_label"] = p.PredictedLabel,
                    ["top"] = p.Top.Select(t => new Dictionary<string, object> { ["label"] = t.Label, ["probability"] = t.Probability }).ToList(),
                });
                Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            var table = new ConsoleTable("image", "prediction", "top classes");
            foreach (var p in predictions)
                table.AddRow(Path.GetFileName(p.Image), p.PredictedLabel,
                    string.Join(", ", p.Top.Select(t => $"{t.Label} {t.Probability.ToString("P1", CultureInfo.InvariantCulture)}")));
            table.Write();
            return 0;
        });
        return command;
    }

    /// <summary>Scores <paramref name="paths"/> through <paramref name="model"/>.Transform, one row per image in order.</summary>
    internal static IReadOnlyList<ImagePrediction> Predict(MLContext mlContext, ITransformer model, DataViewSchema inputSchema,
        IReadOnlyList<string> paths, int topK)
    {
        var scored = model.Transform(ModelInputs.ForFiles(mlContext, inputSchema, paths));
        var scoreColumn = scored.Schema[ColumnNames.Score];
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        scoreColumn.GetSlotNames(ref slotNames);
        var classes = slotNames.DenseValues().Select(name => name.ToString()).ToArray();
        var predictedColumn = scored.Schema[ColumnNames.PredictedLabel];
        var results = new List<ImagePrediction>(paths.Count);
        using var cursor = scored.GetRowCursor([scoreColumn, predictedColumn]);
        var getScore = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        var getPredicted = cursor.GetGetter<ReadOnlyMemory<char>>(predictedColumn);
        VBuffer<float> score = default;
        ReadOnlyMemory<char> predicted = default;
        while (cursor.MoveNext())
        {
            getScore(ref score);
            getPredicted(ref predicted);
            var top = score.DenseValues().Select((p, c) => (Label: classes[c], Probability: p))
                .OrderByDescending(x => x.Probability).Take(Math.Min(topK, classes.Length)).ToList();
            results.Add(new ImagePrediction(paths[results.Count], predicted.ToString(), top));
        }
        return results;
    }
}
