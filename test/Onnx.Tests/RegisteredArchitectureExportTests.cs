using ModelZoo.Zoo;
using Xunit.Abstractions;

namespace ModelZoo.Onnx.Tests;

/// <summary>
/// Every registered architecture, exported and run by ONNX Runtime, against TorchSharp's eval-mode forward on the
/// same batch: as written, and with batch norms folded into the convolutions.
/// </summary>
public sealed class RegisteredArchitectureExportTests(ITestOutputHelper output)
{
    // Small enough that all 35 run in about a minute on two cores; small-input mode, as CIFAR-sized images get.
    private const int InputSize = 32;
    private const int Classes = 5;
    private const int Batch = 2;

    // The logits may differ by this share of their range: float32 arithmetic in a different order, nothing more.
    private const double Tolerance = 1e-4;

    public static TheoryData<string> Architectures() => [.. ModelRegistry.Default.List().Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void OnnxRuntime_GivesTorchSharpsLogits(string architecture) =>
        Compare(architecture, new ModelOptions { NumClasses = Classes, InputSize = InputSize }, OnnxExportOptions.DefaultOpset);

    // Outside small-input mode: the stride-2 stems and the stem max-pools (padded, and ceil-mode in SqueezeNet).
    // Opset 18 on the attention families: it moves ReduceMean/ReduceMax's axes to an input (CBAM).
    [Theory]
    [InlineData("se_resnet18", OnnxExportOptions.DefaultOpset)]
    [InlineData("cbam_resnet18", OnnxExportOptions.MaxOpset)]
    [InlineData("shufflenet_v1_g3_x0_5", OnnxExportOptions.MinOpset)]
    [InlineData("squeezenet1_0_complex_bypass", OnnxExportOptions.DefaultOpset)]
    [InlineData("squeezenet1_1", OnnxExportOptions.DefaultOpset)]
    [InlineData("mobilenet_v3_small", OnnxExportOptions.MaxOpset)]
    [InlineData("mobilenet_v2", OnnxExportOptions.DefaultOpset)]
    public void OnnxRuntime_GivesTorchSharpsLogits_AtFullSizeStems(string architecture, int opset) =>
        Compare(architecture, new ModelOptions { NumClasses = Classes, InputSize = 67, SmallInput = false }, opset);

    private void Compare(string architecture, ModelOptions modelOptions, int opset)
    {
        using var scope = NewDisposeScope();
        using var model = ModelRegistry.Default.Create(architecture, modelOptions);
        RandomStatistics.Apply(model, seed: architecture.Length);
        model.eval();
        manual_seed(7);
        var input = randn(Batch, 3, modelOptions.InputSize, modelOptions.InputSize);
        float[] expected;
        using (inference_mode()) expected = model.call(input).data<float>().ToArray();
        var values = input.data<float>().ToArray();

        foreach (var fold in new[] { false, true })
        {
            var bytes = OnnxExporter.ToBytes(model, new OnnxExportOptions { FoldBatchNorm = fold, Opset = opset });
            var actual = OrtRunner.Run(bytes, OnnxExporter.InputName, values, input.shape, OnnxExporter.LogitsName);
            var relative = LogitComparison.RelativeDifference(expected, actual);
            output.WriteLine($"{architecture} {modelOptions.InputSize}px opset {opset} fold={fold}: max |Δ| / logit range = {relative:E2}");
            Assert.True(relative < Tolerance, $"{architecture} (fold {fold}): relative logit difference {relative:E2} exceeds {Tolerance:E0}");
        }
    }
}
