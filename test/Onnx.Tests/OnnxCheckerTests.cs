using ModelZoo.Zoo;
using Xunit.Abstractions;

namespace ModelZoo.Onnx.Tests;

/// <summary>Every architecture's export, plain and folded, at both opsets the checker knows, passes the ONNX checker.</summary>
public sealed class OnnxCheckerTests(ITestOutputHelper output)
{
    [OnnxCheckerFact]
    public void EveryArchitecturesExport_PassesTheOnnxChecker()
    {
        var folder = Directory.CreateTempSubdirectory("onnx-checker-");
        try
        {
            var paths = new List<string>();
            foreach (var entry in ModelRegistry.Default.List())
            {
                using var model = ModelRegistry.Default.Create(entry.Name, new ModelOptions { NumClasses = 3, InputSize = 32 });
                var path = Path.Combine(folder.FullName, entry.Name + ".onnx");
                // Folded, fixed batch and opset 14 on alternate models, so each setting meets the checker.
                var alternate = paths.Count % 2 == 1;
                OnnxExporter.Export(model, path, new OnnxExportOptions
                {
                    FoldBatchNorm = alternate,
                    BatchSize = alternate ? 4 : null,
                    Opset = alternate ? OnnxExportOptions.MinOpset : OnnxExportOptions.DefaultOpset,
                });
                paths.Add(path);
            }
            var (exitCode, said) = OnnxChecker.Check(paths);
            output.WriteLine(said);
            Assert.True(exitCode == 0, said);
            Assert.Equal(paths.Count, said.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [OnnxCheckerFact]
    public void Checker_RejectsAGraphThatReadsAnUnknownTensor()
    {
        // The checker itself must be able to fail here, or the test above would say nothing.
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.onnx");
        try
        {
            using var model = ModelRegistry.Default.Create("mobilenet_v1_x0_25", new ModelOptions { NumClasses = 2, InputSize = 32 });
            var proto = OnnxExporter.Build(model, null);
            proto.Graph.Node[0].Input[0] = "nowhere";
            File.WriteAllBytes(path, Google.Protobuf.MessageExtensions.ToByteArray(proto));
            Assert.NotEqual(0, OnnxChecker.Check([path]).ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
