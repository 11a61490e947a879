using System.CommandLine;
using System.Globalization;
using ModelZoo.Cli.Models;
using ModelZoo.Onnx;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Zoo;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo export --model MODEL --onnx OUT.onnx</c>: a trained model file (the graph then takes 0..1 pixels and
/// normalises them itself) or a registered architecture with fresh weights (the graph takes normalised input),
/// written as ONNX.
/// </summary>
internal static class ExportCommand
{
    private const string Dynamic = "dynamic";

    internal static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A model file (a model.zip that train or import wrote, or a .mzckpt checkpoint) or an architecture name (fresh weights).", Required = true };
        var onnx = new Option<string>("--onnx") { Description = "The ONNX file to write.", Required = true };
        var opset = new Option<int>("--opset")
        {
            Description = $"ONNX opset, {OnnxExportOptions.MinOpset} to {OnnxExportOptions.MaxOpset}.",
            DefaultValueFactory = _ => OnnxExportOptions.DefaultOpset,
        };
        var batch = new Option<string>("--batch") { Description = $"'{Dynamic}' (a symbolic batch dimension) or a fixed batch size.", DefaultValueFactory = _ => Dynamic };
        var foldBn = new Option<bool>("--fold-bn") { Description = "Fold each batch norm into the convolution before it." };
        var classes = new Option<int?>("--classes") { Description = "Classes, with an architecture name (default 1000)." };
        var inputSize = new Option<int?>("--input-size") { Description = "Image side in pixels, with an architecture name (default 224)." };
        var command = new Command("export", "Write a model as ONNX (for ONNX Runtime, ML.NET's ApplyOnnxModel, ...).")
        {
            model, onnx, opset, batch, foldBn, classes, inputSize,
        };
        command.SetAction(result =>
        {
            var options = new OnnxExportOptions
            {
                Opset = result.GetValue(opset),
                BatchSize = ParseBatch(result.GetValue(batch)!),
                FoldBatchNorm = result.GetValue(foldBn),
            }.Validate();
            var source = result.GetValue(model)!;
            var output = result.GetValue(onnx)!;
            string description;
            if (File.Exists(source))
            {
                if (result.GetValue(classes) is not null || result.GetValue(inputSize) is not null)
                    throw new ArgumentException($"--classes and --input-size go with an architecture name; {source} is a model file and has its own");
                var (name, classCount, preprocessing) = ExportModelFile(source, output, options);
                description = $"{name}, {classCount} classes, input '{OnnxExporter.PixelsInputName}' [{preprocessing.Channels}, " +
                              $"{preprocessing.InputSize}, {preprocessing.InputSize}] in 0..1, normalised in the graph";
            }
            else
            {
                if (!ModelRegistry.Default.Contains(source) && (Path.HasExtension(source) || source.Contains(Path.DirectorySeparatorChar)))
                    throw new FileNotFoundException($"--model: model file not found: {source}");
                var modelOptions = new ModelOptions { NumClasses = result.GetValue(classes) ?? 1000, InputSize = result.GetValue(inputSize) ?? 224 };
                using var network = ModelRegistry.Default.Create(source, modelOptions);
                OnnxExporter.Export(network, output, options);
                description = $"{source} (fresh weights), {modelOptions.NumClasses} classes, input '{OnnxExporter.InputName}' [{modelOptions.InChannels}, " +
                              $"{modelOptions.InputSize}, {modelOptions.InputSize}], already normalised";
            }
            var batchText = options.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? Dynamic;
            Console.WriteLine($"wrote {output}: {description}; opset {options.Opset}, batch {batchText}{(options.FoldBatchNorm ? ", batch norms folded" : "")}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Exports the classifier of an ML.NET model zip (what train and import write), or the model of a ModelZoo tensor
    /// file (a checkpoint); returns what the message names.
    /// </summary>
    private static (string Name, int ClassCount, Preprocessing Preprocessing) ExportModelFile(string path, string output, OnnxExportOptions options)
    {
        if (IsZip(path))
        {
            var (model, _) = ModelZip.Load(CliContext.Create(seed: 1), path);
            using var classifier = ModelZip.Classifier(model);
            classifier.ExportOnnx(output, options);
            return (classifier.Architecture, classifier.ClassNames.Count, classifier.Preprocessing);
        }
        using var trained = ModelFile.Load(path);
        trained.ExportOnnx(output, options);
        return (trained.Model.Name, trained.ClassNames.Count, trained.Preprocessing);
    }

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    private static int? ParseBatch(string value) =>
        value == Dynamic ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size
        : throw new ArgumentException($"--batch must be '{Dynamic}' or a positive whole number, got '{value}'");
}
