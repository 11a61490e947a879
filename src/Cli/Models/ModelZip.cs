using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.MLNetExtensions;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.Cli.Models;

/// <summary>The CLI's model files: ML.NET model zips that mlContext.Model.Load opens, written atomically.</summary>
internal static class ModelZip
{
    internal const string Extension = ".zip";

    /// <summary>Saves through a temporary file that is flushed to disk and renamed, so a crash never leaves half a model under the real name.</summary>
    internal static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream => mlContext.Model.Save(model, inputSchema, stream));
    }

    /// <summary>Opens a model zip; the caller disposes its classifier.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an ML.NET model holding a ModelZoo classifier, or it is damaged; the message names it.</exception>
    internal static (ITransformer Model, DataViewSchema InputSchema) Load(MLContext mlContext, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file not found: {path}", path);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = mlContext.Model.Load(path, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ML.NET reports a damaged zip in many ways (zip, deflate, format, its own checks), and a component's own
            // complaint arrives wrapped in reflection's TargetInvocationException; one line names the file and the cause.
            throw new InvalidDataException($"{path}: not a readable ML.NET model ({FirstLine(Cause(e).Message)})", e);
        }
        if (model.FindImageClassifier() is null) throw new InvalidDataException($"{path}: the model holds no ModelZoo image classifier");
        return (model, schema);
    }

    /// <summary>The zoo classifier inside a fitted or loaded pipeline.</summary>
    internal static ImageClassifierTransformer Classifier(ITransformer model) =>
        model.FindImageClassifier() ?? throw new InvalidOperationException("the pipeline holds no ModelZoo image classifier");

    /// <summary>The most telling exception of a chain: the first that says the data are bad, else the innermost.</summary>
    private static Exception Cause(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
            if (current is InvalidDataException) return current;
        var innermost = e;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return innermost;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
