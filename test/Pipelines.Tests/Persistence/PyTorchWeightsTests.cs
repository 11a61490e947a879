using System.Diagnostics;
using System.Runtime.CompilerServices;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Tests.Shared;
using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Tests.Persistence;

/// <summary>Fixtures made once per test run by Debian's python3-torchvision (torch 1.13; TorchSharp runs libtorch 2.10, and the logits agree to float rounding).</summary>
public sealed class TorchvisionFixtures : IDisposable
{
    public TorchvisionFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "mz-torchvision-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Python("export", Directory);
    }

    public string Directory { get; }

    internal static void Python(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3 (python3-torch)");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("torchvision fixture script failed: " + error);
    }

    private static string Script([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "torchvision_weights.py");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public sealed class PyTorchWeightsTests(TorchvisionFixtures fixtures) : IClassFixture<TorchvisionFixtures>
{
    private Tensor Stored(string file, string name) =>
        TensorRecords.ToTensor(PyTorchStateDictReader.Read(Path.Combine(fixtures.Directory, file)).Single(t => t.Name == name));

    private static double RelativeError(Tensor actual, Tensor expected) => actual.max_abs_diff(expected) / expected.abs().max().item<float>();

    [Theory]
    [InlineData("squeezenet1_1")]
    [InlineData("mobilenet_v3_small")]
    public void TorchvisionWeightsGiveTorchvisionLogits(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = ModelRegistry.Default.Create(name, new ModelOptions { InputSize = 96 });
        var skipped = PyTorchWeights.Load(model, Path.Combine(fixtures.Directory, name + ".pth"));
        Assert.Empty(skipped);
        model.eval();
        using var noGrad = torch.no_grad();
        var logits = model.call(Stored("input.pth", "x"));
        Assert.True(RelativeError(logits, Stored(name + "_logits.pth", "logits")) < 1e-4);
    }

    [Fact]
    public void ExportedWeightsOpenInTorchvisionWithTheSameLogits()
    {
        using var scope = torch.NewDisposeScope();
        torch.random.manual_seed(5);
        using var model = ModelRegistry.Default.Create("mobilenet_v3_small", new ModelOptions { InputSize = 96 });
        model.eval();
        var path = Path.Combine(fixtures.Directory, "exported.pth");
        PyTorchWeights.Save(model, path);
        TorchvisionFixtures.Python("logits", "mobilenet_v3_small", path, fixtures.Directory);
        using var noGrad = torch.no_grad();
        var logits = model.call(Stored("input.pth", "x"));
        Assert.True(RelativeError(logits, Stored("mobilenet_v3_small_roundtrip_logits.pth", "logits")) < 1e-4);
    }

    [Fact]
    public void AnotherClassCountIsAnErrorUnlessTheClassifierIsReinitialised()
    {
        var path = Path.Combine(fixtures.Directory, "squeezenet1_1.pth");
        using var model = ModelRegistry.Default.Create("squeezenet1_1", new ModelOptions { NumClasses = 10, InputSize = 96 });
        var error = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, path));
        Assert.StartsWith($"{path}: the weights are for 1000 classes but squeezenet1_1 predicts 10", error.Message);
        Assert.Contains("'classifier.1.weight' has shape [1000, 512, 1, 1] but the model expects [10, 512, 1, 1]", error.Message);

        var skipped = PyTorchWeights.Load(model, path, reinitializeClassifierOnMismatch: true);
        Assert.Equal(["classifier.1.weight", "classifier.1.bias"], skipped);
        using var expected = Stored("squeezenet1_1.pth", "features.0.weight");
        Assert.Equal(0, model.state_dict()["features.0.weight"].max_abs_diff(expected));
    }

    [Fact]
    public void WeightsOfAnotherArchitectureNameTheMismatch()
    {
        using var model = ModelRegistry.Default.Create("squeezenet1_0", new ModelOptions { InputSize = 96 });
        var path = Path.Combine(fixtures.Directory, "squeezenet1_1.pth");
        var error = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, path));
        Assert.StartsWith($"{path}: these are not squeezenet1_0 weights (they are squeezenet1_1's): ", error.Message);
        // Both layouts name their Fire modules by position; 1.1 has them at other indices than 1.0.
        Assert.Contains("missing 'features.5.squeeze.weight'", error.Message);
        Assert.Contains("unexpected 'features.6.squeeze.weight'", error.Message);
    }

    [Fact]
    public void MobileNetV2WeightsInSqueezeNetNameBothArchitectures()
    {
        var path = Path.Combine(fixtures.Directory, "mobilenet_v2_10_classes.pth");
        using (var mobilenet = ModelRegistry.Default.Create("mobilenet_v2", new ModelOptions { NumClasses = 10, InputSize = 32 }))
            PyTorchWeights.Save(mobilenet, path);
        using var squeezenet = ModelRegistry.Default.Create("squeezenet1_1", new ModelOptions { NumClasses = 10, InputSize = 32 });

        var error = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(squeezenet, path));

        Assert.StartsWith($"{path}: these are not squeezenet1_1 weights (they are mobilenet_v2's): missing 'features.0.weight'", error.Message);
    }
}
