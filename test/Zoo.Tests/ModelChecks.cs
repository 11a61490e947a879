using ModelZoo.Torch;
using ModelZoo.Torch.Modules;
using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Zoo.Tests;

/// <summary>
/// The checks every registered architecture passes (STYLE.md, "Tests"), by registry name: sizes at ImageNet
/// settings, small inputs, gradients, one SGD step, classifier reset, reference state dicts and golden logits.
/// </summary>
internal static class ModelChecks
{
    private static ClassificationModel Create(string name, ModelOptions? options = null) => ModelRegistry.Default.Create(name, options);

    /// <summary>1000 classes, 3×224×224: the parameter count, conv+FC MACs within 1%, and finite logits [1, 1000].</summary>
    public static void ImageNetSizes(string name, long parameters, double mmacs)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name);
        Assert.Equal(parameters, model.ParameterCount());
        model.eval();
        using var noGrad = torch.no_grad();
        var (output, macs) = MacCounter.Run(model, torch.randn([1, 3, 224, 224]));
        Assert.Equal(new long[] { 1, 1000 }, output.shape);
        Assert.True(output.all_finite(), $"{name} gives non-finite logits at 224 px");
        Assert.InRange(macs / 1e6, mmacs * 0.99, mmacs * 1.01);
    }

    /// <summary>
    /// Small-input mode: RGB 32 px and grey 28 px give finite [2, 10] logits, with the parameters of the 224 px
    /// model (less, for grey, the stem conv weights of two input channels; the stem conv is the first parameter).
    /// </summary>
    public static void SmallInputs(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var large = Create(name, new ModelOptions { NumClasses = 10 });
        foreach (var (channels, size) in new[] { (3, 32), (1, 28) })
        {
            using var model = Create(name, new ModelOptions { NumClasses = 10, InChannels = channels, InputSize = size });
            Assert.True(model.Options.UsesSmallInput);
            Assert.Equal(large.ParameterCount() - large.named_parameters().First().parameter.numel() / 3 * (3 - channels), model.ParameterCount());
            model.eval();
            using var noGrad = torch.no_grad();
            var output = model.call(torch.randn([2, channels, size, size]));
            Assert.Equal(new long[] { 2, 10 }, output.shape);
            Assert.True(output.all_finite(), $"{name} gives non-finite logits at {channels}×{size}×{size}");
        }
    }

    /// <summary>
    /// One training step with 42 classes on a fixed 32 px batch of 2 (train mode, the same dropout mask both
    /// times): every parameter gets a non-zero gradient, and a plain SGD step of <paramref name="learningRate"/>
    /// lowers the loss.
    /// </summary>
    public static void TrainingStep(string name, double learningRate)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        using var model = Create(name, new ModelOptions { NumClasses = 42, InputSize = 32 });
        var input = torch.randn([2, 3, 32, 32]);
        var target = torch.tensor(new long[] { 3, 41 }, 2);
        Tensor Loss()
        {
            torch.manual_seed(5);
            return F.cross_entropy(model.call(input), target);
        }
        var before = Loss();
        before.backward();
        foreach (var (parameterName, parameter) in model.named_parameters())
        {
            var grad = parameter.grad;
            Assert.True(grad is not null, $"{name}: {parameterName} has no gradient");
            Assert.True(grad.abs().max().item<float>() > 0, $"{name}: the gradient of {parameterName} is zero");
        }
        using (torch.no_grad())
            foreach (var parameter in model.parameters())
                parameter.sub_(parameter.grad!, alpha: learningRate);
        var after = Loss();
        Assert.True(after.item<float>() < before.item<float>(), $"{name}: loss {before.item<float>()} → {after.item<float>()} after one SGD step");
    }

    /// <summary>ResetClassifier changes the logits' width and leaves the model the size of one built for that many classes.</summary>
    public static void ResetClassifierChangesOutputWidth(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name, new ModelOptions { InputSize = 32 });
        model.ResetClassifier(7);
        Assert.Equal(7, model.NumClasses);
        using var fresh = Create(name, new ModelOptions { NumClasses = 7, InputSize = 32 });
        Assert.Equal(fresh.ParameterCount(), model.ParameterCount());
        Assert.Equal(fresh.state_dict().Keys, model.state_dict().Keys);
        model.eval();
        using var noGrad = torch.no_grad();
        Assert.Equal(new long[] { 2, 7 }, model.call(torch.randn([2, 3, 32, 32])).shape);
    }

    /// <summary>
    /// The state dict has exactly the keys, order and shapes of a reference dump in Reference/ (lines
    /// "key d0,d1,..."; '#' starts a comment).
    /// </summary>
    public static void StateDictMatchesReference(string name, string referenceFile, ModelOptions? options = null)
    {
        using var model = Create(name, options);
        var expected = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", referenceFile))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var actual = model.state_dict()
            .Select(entry => entry.Key + (entry.Value.dim() == 0 ? "" : " " + string.Join(",", entry.Value.shape)))
            .ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Fills every floating-point state-dict tensor deterministically, as was done in PyTorch before recording
    /// the reference logits of <see cref="LogitsMatchReference"/>: tensor k, element i gets v = sin(0.7 i + 1.3 k), scaled to
    /// v·√(3 / fan-in) for weights of rank ≥ 2, 1 + 0.1 v for other weights and running variances, 0.1 v otherwise.
    /// </summary>
    public static void FillDeterministically(Module model)
    {
        using var noGrad = torch.no_grad();
        var k = 0;
        foreach (var (key, tensor) in model.state_dict())
        {
            var index = k++;
            if (!tensor.dtype.IsFloatingPoint()) continue;
            var shape = tensor.shape;
            var values = new float[tensor.numel()];
            var weightScale = shape.Length >= 2 ? Math.Sqrt(3.0 / (values.Length / shape[0])) : 0;
            var isScale = key.EndsWith(".weight", StringComparison.Ordinal) || key.EndsWith("running_var", StringComparison.Ordinal);
            for (var i = 0; i < values.Length; i++)
            {
                var v = Math.Sin(0.7 * i + 1.3 * index);
                values[i] = (float)(shape.Length >= 2 ? v * weightScale : isScale ? 1 + 0.1 * v : 0.1 * v);
            }
            using var source = torch.tensor(values, shape);
            tensor.copy_(source);
        }
    }

    /// <summary>
    /// With <see cref="FillDeterministically"/> weights, 10 classes, eval mode and the input sin(0.1 i) of shape
    /// [1, 3, 224, 224], the logits equal the reference implementation's in PyTorch 1.13 (relative tolerance 1e-4).
    /// </summary>
    public static void LogitsMatchReference(string name, float[] expected)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name, new ModelOptions { NumClasses = expected.Length });
        FillDeterministically(model);
        model.eval();
        var pixels = new float[3 * 224 * 224];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)Math.Sin(0.1 * i);
        using var noGrad = torch.no_grad();
        var logits = model.call(torch.tensor(pixels, 1, 3, 224, 224)).data<float>();
        var tolerance = 1e-4 * expected.Max(v => Math.Abs(v));
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(logits[i] - expected[i]) <= tolerance, $"{name} logit {i}: {logits[i]} vs reference {expected[i]}");
    }
}
