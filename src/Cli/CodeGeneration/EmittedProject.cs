using System.Globalization;
using System.Text;
using ModelZoo.MLNetExtensions;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.Cli.CodeGeneration;

/// <summary>How <c>train</c> opened its data, so emitted code opens the same rows.</summary>
internal sealed record DataRecipe(string Source, double Split, int Seed, int? LimitTrain, int? LimitTest);

/// <summary>
/// <c>train --emit-code DIR</c>, Model Builder style: a small C# project that trains the same ML.NET pipeline with the
/// same options on the same rows (<c>dotnet run -- --train MODEL.zip</c>) and predicts with the model train saved
/// through a PredictionEngine (<c>dotnet run -- IMAGE...</c>). ModelZoo has no NuGet package, so the project builds
/// against the ModelZoo sources this program was built from.
/// </summary>
internal static class EmittedProject
{
    internal const string ProjectName = "TrainedModel";

    /// <summary>Whether a project can be emitted for this run; called before training, so a run is not spent in vain.</summary>
    /// <exception cref="ArgumentException">The data are not image files, which the emitted input class reads by path.</exception>
    /// <exception cref="DirectoryNotFoundException">The ModelZoo sources the project builds against are not above this program.</exception>
    internal static void Check(DataRecipe data, bool fromFiles)
    {
        if (!fromFiles)
            throw new ArgumentException($"--emit-code needs image files (folder:DIR or list:FILE); data source '{data.Source}' holds images in memory");
        RepositoryRoot();
    }

    /// <summary>Writes the project (each file under a temporary name, then renamed); returns the project file's path.</summary>
    internal static string Write(string directory, DataRecipe data, ImageClassifierTrainer.Options options, bool fromFiles, string modelPath)
    {
        Check(data, fromFiles);
        var repository = RepositoryRoot();
        Directory.CreateDirectory(directory);
        Save(directory, "ModelInput.cs", ModelInput);
        Save(directory, "ModelOutput.cs", ModelOutput);
        Save(directory, "ConsumeModel.cs", ConsumeModel(modelPath));
        Save(directory, "Retraining.cs", Retraining(data, options));
        Save(directory, "Program.cs", Program);
        var project = Path.Combine(directory, ProjectName + ".csproj");
        Save(directory, Path.GetFileName(project), Project(repository));
        return Path.GetFullPath(project);
    }

    /// <summary>The ModelZoo checkout this program was built in: the first folder above it holding ModelZoo.sln.</summary>
    /// <exception cref="DirectoryNotFoundException">There is none (an installed copy without its sources).</exception>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ModelZoo.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException($"--emit-code needs the ModelZoo sources: no ModelZoo.sln above {AppContext.BaseDirectory}");
    }

    private static void Save(string directory, string name, string text) =>
        AtomicFile.Write(Path.Combine(directory, name), stream => stream.Write(Encoding.UTF8.GetBytes(text)));

    // Directory.Build.props/.targets are imported by path, not found by folder, so the project builds alike wherever it
    // is written: they bring the target framework, the TorchSharp backend and the libstdc++ repair of its native library.
    private static string Project(string repository) => $"""
        <Project>
          <PropertyGroup>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
          </PropertyGroup>
          <Import Project="{repository}/Directory.Build.props" />
          <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <RootNamespace>{ProjectName}</RootNamespace>
            <RestoreConfigFile>{repository}/nuget.config</RestoreConfigFile>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{repository}/src/MLNetExtensions/ModelZoo.MLNetExtensions.csproj" />
          </ItemGroup>
          <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
          <Import Project="{repository}/Directory.Build.targets" />
        </Project>

        """;

    private const string ModelInput = $$"""
        namespace {{ProjectName}};

        /// <summary>One image: its file and, for training and evaluation, its class.</summary>
        public sealed class ModelInput
        {
            public string Label { get; set; } = "";

            public string ImagePath { get; set; } = "";
        }

        """;

    private const string ModelOutput = $$"""
        namespace {{ProjectName}};

        /// <summary>The model's answer: the class and the probability of every class.</summary>
        public sealed class ModelOutput
        {
            public string PredictedLabel { get; set; } = "";

            public float[] Score { get; set; } = [];
        }

        """;

    private static string ConsumeModel(string modelPath) => $$"""
        using Microsoft.ML;

        namespace {{ProjectName}};

        /// <summary>Predictions with the model `modelzoo train` saved, through one PredictionEngine made on first use.</summary>
        public static class ConsumeModel
        {
            public const string ModelPath = {{CSharpLiteral.Of(modelPath)}};

            private static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> Engine = new(Create);

            public static ModelOutput Predict(ModelInput input) => Engine.Value.Predict(input);

            private static PredictionEngine<ModelInput, ModelOutput> Create()
            {
                var mlContext = new MLContext();
                var model = mlContext.Model.Load(ModelPath, out _);
                return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model);
            }
        }

        """;

    private static string Retraining(DataRecipe data, ImageClassifierTrainer.Options options)
    {
        // Checkpoints and resuming belong to the original run's folder, not to a reproduction of it.
        var settings = options.Clone();
        settings.CheckpointDirectory = null;
        settings.Resume = null;
        var assignments = string.Join("\n            ", CSharpLiteral.Assignments(settings, new ImageClassifierTrainer.Options()));
        string Limit(int? count) => count is { } n ? n.ToString(CultureInfo.InvariantCulture) : "int.MaxValue";
        return $$"""
            using Microsoft.ML;
            using ModelZoo.MLNetExtensions;
            using ModelZoo.Pipelines.Data;
            using ModelZoo.Pipelines.Training;
            using ModelZoo.Pipelines.Transforms;
            using ModelZoo.TorchSharpAdditions;

            namespace {{ProjectName}};

            /// <summary>The run `modelzoo train` made, with the ML.NET API: same rows, pipeline and options.</summary>
            public static class Retraining
            {
                public static void Train(string modelPath)
                {
                    var mlContext = new MLContext(seed: {{data.Seed}});
                    // The rows modelzoo train used: its data source, split per class with its seed, and its limits.
                    var opened = DataSource.Open({{CSharpLiteral.Of(data.Source)}}, {{CSharpLiteral.Of(data.Split)}}, {{data.Seed}});
                    var train = mlContext.Data.LoadFromEnumerable(Rows(opened.Train, {{Limit(data.LimitTrain)}}));
                    var test = mlContext.Data.LoadFromEnumerable(Rows(opened.Test, {{Limit(data.LimitTest)}}));

                    // Keys in the data set's class order, so Score slots list the classes as the data set does.
                    var classes = mlContext.Data.LoadFromEnumerable(opened.ClassNames.Select(name => new ClassName { Label = name }));
                    var preparation = mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: classes)
                        .Append(mlContext.Transforms.LoadRawImageBytes("Features", imageFolder: null, inputColumnName: "ImagePath"));
                    var options = new ImageClassifierTrainer.Options
                    {
                        {{assignments}}
                        ValidationSet = preparation.Fit(train).Transform(test),
                    };
                    var pipeline = preparation
                        .Append(mlContext.MulticlassClassification.Trainers.ImageClassifier(options))
                        .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
                    var model = pipeline.Fit(train);

                    var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test), topKPredictionCount: Math.Min(5, opened.ClassNames.Count));
                    Console.WriteLine($"accuracy {metrics.MicroAccuracy:F4}, top-{metrics.TopKPredictionCount} {metrics.TopKAccuracy:F4}, log-loss {metrics.LogLoss:F4}");
                    mlContext.Model.Save(model, train.Schema, modelPath);
                }

                private static IEnumerable<ModelInput> Rows(IImageDataset data, int limit) =>
                    Enumerable.Range(0, Math.Min(data.Count, limit))
                        .Select(i => new ModelInput { Label = data.ClassNames[data.GetLabel(i)], ImagePath = data.GetPath(i)! });

                private sealed class ClassName
                {
                    public string Label { get; set; } = "";
                }
            }

            """;
    }

    private const string Program = $$"""
        // Emitted by `modelzoo train --emit-code`.
        //   dotnet run -- IMAGE...           classify images with the model modelzoo train saved
        //   dotnet run -- --train MODEL.zip  train the same pipeline on the same rows again and save it to MODEL.zip
        using System.Globalization;
        using {{ProjectName}};

        if (args is ["--train", var output])
        {
            Retraining.Train(output);
            return 0;
        }
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: dotnet run -- IMAGE... | dotnet run -- --train MODEL.zip");
            return 1;
        }
        foreach (var image in args)
        {
            var prediction = ConsumeModel.Predict(new ModelInput { ImagePath = image });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{image}\t{prediction.PredictedLabel}\t{prediction.Score.Max():R}"));
        }
        return 0;

        """;
}
