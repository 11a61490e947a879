using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.MLNetExtensions;
using ModelZoo.Onnx;
using ModelZoo.Onnx.Proto;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;

namespace ModelZoo.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cli-export-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void ExportsAnArchitectureWithFreshWeights_AtTheGivenSizeBatchAndOpset()
    {
        var path = Path.Combine(folder.FullName, "net.onnx");
        var result = CliProcess.Run("export", "--model", "mobilenet_v1_x0_25", "--onnx", path,
            "--classes", "3", "--input-size", "40", "--batch", "2", "--opset", "14", "--fold-bn");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith($"wrote {path}: mobilenet_v1_x0_25", result.Output);
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(14, model.OpsetImport.Single().Version);
        Assert.Equal([2L, 3, 40, 40], model.Graph.Input.Single().Type.TensorType.Shape.Dim.Select(d => d.DimValue));
        Assert.Equal(OnnxExporter.InputName, model.Graph.Input.Single().Name);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "BatchNormalization");
        Assert.Equal(3, model.Graph.Output.First().Type.TensorType.Shape.Dim[1].DimValue);
    }

    [Fact]
    public void ExportsAModelFile_WithItsPreprocessingAndClassNames()
    {
        // An ML.NET model zip, as train and import write them: the classifier over a column of encoded image bytes.
        var modelPath = Path.Combine(folder.FullName, "trained.zip");
        var mlContext = new MLContext(seed: 1);
        var schema = new DataViewSchema.Builder();
        schema.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Byte));
        using (var classifier = PretrainedClassifier.Create(mlContext, new TrainedModel(
                   ModelRegistry.Default.Create("squeezenet1_1", new ModelOptions { NumClasses = 2, InputSize = 32 }), ["no", "yes"], new Preprocessing { InputSize = 32 })))
            mlContext.Model.Save(classifier, schema.ToSchema(), modelPath);
        var path = Path.Combine(folder.FullName, "trained.onnx");
        var result = CliProcess.Run("export", "--model", modelPath, "--onnx", path);
        Assert.True(result.ExitCode == 0, result.Error);
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(OnnxExporter.PixelsInputName, model.Graph.Input.Single().Name);
        Assert.Equal("batch", model.Graph.Input.Single().Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal("[\"no\",\"yes\"]", model.MetadataProps.Single(p => p.Key == "class_names").Value);
        Assert.Equal(["Sub", "Div"], model.Graph.Node.Take(2).Select(n => n.OpType));
    }

    [Theory]
    [InlineData("--batch", "zero", "--batch")]
    [InlineData("--opset", "11", "opset")]
    public void ABadSetting_IsOneLineNamingIt(string option, string value, string named)
    {
        var result = CliProcess.Run("export", "--model", "squeezenet1_1", "--onnx", Path.Combine(folder.FullName, "x.onnx"), option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, result.Error);
        Assert.Empty(folder.GetFiles());
    }

    [Fact]
    public void AnUnknownModel_IsAnsweredWithTheClosestNames()
    {
        var result = CliProcess.Run("export", "--model", "squeezenet1_2", "--onnx", Path.Combine(folder.FullName, "x.onnx"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown architecture 'squeezenet1_2'", result.Error);
        Assert.Contains("squeezenet1_1", result.Error);
    }

    [Fact]
    public void AMissingModelFile_IsNamed()
    {
        var missing = Path.Combine(folder.FullName, "gone.mzmodel");
        var result = CliProcess.Run("export", "--model", missing, "--onnx", Path.Combine(folder.FullName, "x.onnx"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(missing, result.Error);
    }
}
