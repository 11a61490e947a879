using Microsoft.ML.OnnxRuntime;
using ModelZoo.Onnx;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo;
using ModelZoo.Zoo.Layers;

namespace ModelZoo.Onnx.Tests;

/// <summary>What the export promises besides matching logits: shapes, metadata, normalisation, errors.</summary>
public sealed class ExportBehaviourTests
{
    private const double Tolerance = 1e-4;

    /// <summary>A layer of a user's own, which the exporter cannot know.</summary>
    private sealed class Doubler() : nn.Module<Tensor, Tensor>(nameof(Doubler))
    {
        public override Tensor forward(Tensor input) => input.mul(2);
    }

    [Fact]
    public void AUsersOwnModule_IsRefusedByPathAndType()
    {
        using var model = new Sequential(nn.Conv2d(3, 4, 3), new Doubler());
        var error = Assert.Throws<UnsupportedModuleException>(() =>
            OnnxExporter.ToBytes(model, new OnnxExportOptions { InputChannels = 3, InputSize = 16 }));
        Assert.Equal("1", error.ModulePath);
        Assert.Contains("'1'", error.Message);
        Assert.Contains(nameof(Doubler), error.Message);
    }

    [Fact]
    public void ASettingOnnxCannotExpress_IsRefusedNamingTheModule()
    {
        using var model = new Sequential(nn.Conv2d(3, 4, 3, padding: 1, padding_mode: PaddingModes.Reflect));
        var error = Assert.Throws<UnsupportedModuleException>(() =>
            OnnxExporter.ToBytes(model, new OnnxExportOptions { InputChannels = 3, InputSize = 16 }));
        Assert.Equal("0", error.ModulePath);
        Assert.Contains("Reflect", error.Message);
    }

    [Fact]
    public void AModuleThatIsNoZooModel_NeedsItsInputShape()
    {
        using var model = new Sequential(nn.Conv2d(3, 4, 3));
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ToBytes(model));
        Assert.Contains("input channels", error.Message);
    }

    [Theory]
    [InlineData(13, "opset")]
    [InlineData(19, "opset")]
    public void AnOpsetOutsideTheCheckedRange_IsRefused(int opset, string named)
    {
        using var model = ModelRegistry.Default.Create("mobilenet_v1_x0_25", new ModelOptions { NumClasses = 2, InputSize = 32 });
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ToBytes(model, new OnnxExportOptions { Opset = opset }));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void MeanWithoutStd_IsRefused()
    {
        using var model = ModelRegistry.Default.Create("mobilenet_v1_x0_25", new ModelOptions { NumClasses = 2, InputSize = 32 });
        Assert.Throws<ArgumentException>(() => OnnxExporter.ToBytes(model, new OnnxExportOptions { Mean = [0.5, 0.5, 0.5] }));
    }

    [Theory]
    [InlineData(null, -1)]
    [InlineData(3, 3)]
    public void TheBatchDimension_IsSymbolicOrFixed(int? batch, int expected)
    {
        using var model = ModelRegistry.Default.Create("shufflenet_v1_g3_x0_5", new ModelOptions { NumClasses = 2, InputSize = 32 });
        using var session = new InferenceSession(OnnxExporter.ToBytes(model, new OnnxExportOptions { BatchSize = batch }));
        Assert.Equal([expected, 3, 32, 32], session.InputMetadata[OnnxExporter.InputName].Dimensions);
        Assert.Equal([expected, 2], session.OutputMetadata[OnnxExporter.LogitsName].Dimensions);
        Assert.Equal([expected, 2], session.OutputMetadata[OnnxExporter.ProbabilitiesName].Dimensions);
    }

    [Fact]
    public void ATrainedModel_TakesPixelsNormalisesThemInTheGraphAndStatesItsPreprocessing()
    {
        using var scope = NewDisposeScope();
        var preprocessing = new Preprocessing { InputSize = 32, Mean = Preprocessing.Cifar10Mean, Std = Preprocessing.Cifar10Std };
        using var trained = new TrainedModel(
            ModelRegistry.Default.Create("mobilenet_v3_small", new ModelOptions { NumClasses = 3, InputSize = 32 }), ["cat", "dog", "eel"], preprocessing);
        RandomStatistics.Apply(trained.Model, seed: 5);
        trained.Model.eval();
        var folder = Directory.CreateTempSubdirectory("onnx-trained-");
        try
        {
            var path = Path.Combine(folder.FullName, "model.onnx");
            trained.ExportOnnx(path);
            Assert.Equal([path], Directory.GetFiles(folder.FullName)); // no temporary file left behind

            using var session = new InferenceSession(path);
            var metadata = session.ModelMetadata.CustomMetadataMap;
            Assert.Equal("[\"cat\",\"dog\",\"eel\"]", metadata["class_names"]);
            Assert.Equal("32", metadata["input_size"]);
            Assert.Equal("in_graph", metadata["normalization"]);
            Assert.Equal("[0.4914,0.4822,0.4465]", metadata["mean"]);
            Assert.Equal("[0.247,0.2435,0.2616]", metadata["std"]);
            Assert.Equal("mobilenet_v3_small", metadata["architecture"]);
            Assert.Equal([OnnxExporter.PixelsInputName], session.InputMetadata.Keys);

            manual_seed(11);
            var pixels = rand(2, 3, 32, 32);
            var mean = tensor(Preprocessing.Cifar10Mean).to_type(ScalarType.Float32).view(1, 3, 1, 1);
            var std = tensor(Preprocessing.Cifar10Std).to_type(ScalarType.Float32).view(1, 3, 1, 1);
            float[] expected;
            using (inference_mode()) expected = trained.Model.call((pixels - mean) / std).data<float>().ToArray();
            var actual = OrtRunner.Run(File.ReadAllBytes(path), OnnxExporter.PixelsInputName, pixels.data<float>().ToArray(), pixels.shape, OnnxExporter.LogitsName);
            Assert.True(LogitComparison.RelativeDifference(expected, actual) < Tolerance);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheProbabilities_AreTheSoftmaxOfTheLogits()
    {
        using var scope = NewDisposeScope();
        using var model = ModelRegistry.Default.Create("squeezenet1_1", new ModelOptions { NumClasses = 4, InputSize = 32 });
        model.eval();
        manual_seed(2);
        var input = randn(3, 3, 32, 32);
        float[] expected;
        using (inference_mode()) expected = model.call(input).softmax(1).data<float>().ToArray();
        var actual = OrtRunner.Run(OnnxExporter.ToBytes(model), OnnxExporter.InputName, input.data<float>().ToArray(), input.shape, OnnxExporter.ProbabilitiesName);
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-5, $"{p.First} vs {p.Second}"));
    }
}
