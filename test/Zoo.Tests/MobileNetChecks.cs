using System.Runtime.CompilerServices;
using ModelZoo.Torch;
using ModelZoo.Torch.Modules;
using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Zoo.Tests;

/// <summary>
/// The checks the MobileNet families pass by registry name (STYLE.md, "Tests"): sizes at ImageNet settings,
/// small inputs, gradients, one SGD step, classifier reset, and torchvision's state dicts and logits.
/// </summary>
internal static class MobileNetChecks
{
    private static ClassificationModel Create(string name, ModelOptions? options = null) => ModelRegistry.Default.Create(name, options);

    /// <summary>
    /// Conv and fully-connected multiply-accumulates per sample of one forward pass, counted by forward hooks
    /// as shared/reference/architectures.md counts them: conv = output elements · (in / groups) · kh · kw,
    /// linear = in · out. Returns the output too.
    /// </summary>
    public static (Tensor Output, long Macs) CountMacs(TensorModule model, Tensor input)
    {
        long macs = 0;
        var batch = input.shape[0];
        var hooks = new List<IDisposable>();
        foreach (var (_, module) in model.named_modules())
            if (module is Conv2d conv)
                hooks.Add(conv.register_forward_hook((_, _, output) =>
                    macs += output.numel() / batch * (conv.InChannels / conv.Groups) * conv.KernelSize.Item1 * conv.KernelSize.Item2));
            else if (module is Linear linear)
                hooks.Add(linear.register_forward_hook((_, x, _) =>
                    macs += x.numel() / x.shape[^1] / batch * linear.InFeatures * linear.OutFeatures));
        try
        {
            return (model.call(input), macs);
        }
        finally
        {
            foreach (var hook in hooks) hook.Dispose();
        }
    }

    /// <summary>1000 classes, 3×224×224: the exact parameter count, conv+FC MACs within 1%, finite logits [1, 1000].</summary>
    public static void ImageNetSizes(string name, long parameters, double mmacs, ModelOptions? options = null)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name, options);
        Assert.False(model.Options.UsesSmallInput);
        Assert.Equal(parameters, model.ParameterCount());
        model.eval();
        using var noGrad = torch.no_grad();
        var (output, macs) = CountMacs(model, torch.randn([1, 3, 224, 224]));
        Assert.Equal([1L, 1000L], output.shape);
        Assert.True(output.all_finite(), $"{name} gives non-finite logits at 224 px");
        Assert.InRange(macs / 1e6, mmacs * 0.99, mmacs * 1.01);
    }

    /// <summary>
    /// Small-input mode: RGB 32 px and grey 28 px give finite [2, 10] logits through a feature map of
    /// <paramref name="side32"/> (32 px) and <paramref name="side28"/> (28 px), with the parameters of the 224 px
    /// model (less the stem's weights for the missing input channels).
    /// </summary>
    public static void SmallInputs(string name, long side32, long side28)
    {
        using var scope = torch.NewDisposeScope();
        using var large = Create(name, new ModelOptions { NumClasses = 10 });
        var stemWeight = large.named_parameters().First().parameter;
        foreach (var (channels, size, side) in new[] { (3, 32, side32), (1, 28, side28) })
        {
            using var model = Create(name, new ModelOptions { NumClasses = 10, InChannels = channels, InputSize = size });
            Assert.True(model.Options.UsesSmallInput);
            Assert.Equal(large.ParameterCount() - stemWeight.numel() / 3 * (3 - channels), model.ParameterCount());
            model.eval();
            using var noGrad = torch.no_grad();
            var input = torch.randn([2, channels, size, size]);
            Assert.Equal([2L, model.NumFeatures, side, side], model.ForwardFeatures(input).shape);
            var output = model.call(input);
            Assert.Equal([2L, 10L], output.shape);
            Assert.True(output.all_finite(), $"{name} gives non-finite logits at {channels}×{size}×{size}");
        }
    }

    /// <summary>With 42 classes on a 32 px batch of 2, every parameter gets a non-zero gradient.</summary>
    public static void EveryParameterGetsAGradient(string name)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        using var model = Create(name, new ModelOptions { NumClasses = 42, InputSize = 32 });
        var logits = model.call(torch.randn([2, 3, 32, 32]));
        Assert.Equal([2L, 42L], logits.shape);
        F.cross_entropy(logits, torch.tensor(new long[] { 3, 41 }, 2)).backward();
        foreach (var (parameterName, parameter) in model.named_parameters())
        {
            var grad = parameter.grad;
            Assert.True(grad is not null, $"{name}: {parameterName} has no gradient");
            Assert.True(grad.abs().max().item<float>() > 0, $"{name}: the gradient of {parameterName} is zero");
        }
    }

    /// <summary>One plain SGD step on a fixed 32 px batch (train mode, the same dropout mask) lowers the loss.</summary>
    public static void SgdStepLowersLoss(string name, double learningRate)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        using var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        var input = torch.randn([4, 3, 32, 32]);
        var target = torch.tensor(new long[] { 0, 3, 5, 9 }, 4);
        double Loss(bool backward)
        {
            torch.manual_seed(5);
            var loss = F.cross_entropy(model.call(input), target);
            if (backward) loss.backward();
            return loss.item<float>();
        }
        var before = Loss(backward: true);
        using (torch.no_grad())
            foreach (var parameter in model.parameters())
                parameter.sub_(parameter.grad!, alpha: learningRate);
        var after = Loss(backward: false);
        Assert.True(after < before, $"{name}: loss {before} → {after} after one SGD step");
    }

    /// <summary>
    /// ResetClassifier changes the logits' width, keeps the eval mode, and leaves the state dict of a model
    /// built for that many classes; the new classifier starts as torchvision's init (bias 0).
    /// </summary>
    public static void ResetClassifierChangesOutputWidth(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name, new ModelOptions { InputSize = 32 });
        model.eval();
        model.ResetClassifier(7);
        Assert.Equal(7, model.NumClasses);
        using var fresh = Create(name, new ModelOptions { NumClasses = 7, InputSize = 32 });
        Assert.Equal(
            fresh.state_dict().Select(e => (e.Key, string.Join(",", e.Value.shape))),
            model.state_dict().Select(e => (e.Key, string.Join(",", e.Value.shape))));
        Assert.All(model.named_modules(), m => Assert.False(m.module.training, $"{m.name} is in training mode after the reset"));
        var (_, bias) = model.named_parameters().Last();
        Assert.Equal([7L], bias.shape);
        Assert.Equal(0, bias.abs().max().item<float>());
        using var noGrad = torch.no_grad();
        var first = model.call(torch.randn([2, 3, 32, 32]));
        Assert.Equal([2L, 7L], first.shape);
    }

    /// <summary>
    /// torchvision's MobileNet init, on the tensors large enough to measure: conv weights with root mean square
    /// √(2 / fan-out) (kaiming_normal_, fan-out = out · kh · kw), linear weights 0.01, batch-norm weights 1,
    /// every bias 0.
    /// </summary>
    public static void InitializationIsTorchvisions(string name)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var model = Create(name);
        foreach (var (_, module) in model.named_modules())
        {
            (Tensor? weight, Tensor? bias, double rms) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias, Math.Sqrt(2.0 / (conv.OutChannels * conv.KernelSize.Item1 * conv.KernelSize.Item2))),
                Linear linear => (linear.weight, linear.bias, 0.01),
                BatchNorm2d bn => (bn.weight!, bn.bias, double.NaN),
                _ => (null, null, 0),
            };
            if (weight is null) continue;
            if (bias is not null) Assert.Equal(0, bias.abs().max().item<float>());
            if (double.IsNaN(rms))
                Assert.Equal(0, weight.sub(1).abs().max().item<float>());
            else if (weight.numel() >= 10_000)
                Assert.InRange(weight.pow(2).mean().sqrt().item<float>() / rms, 0.95, 1.05);
        }
    }

    /// <summary>The state dict has exactly the keys, order and shapes (so parameter counts per key) of Reference/<paramref name="file"/>.</summary>
    public static void StateDictMatchesReference(string name, string file)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name);
        var expected = File.ReadLines(ReferencePath(file)).Where(line => !line.StartsWith('#')).ToList();
        var actual = model.state_dict()
            .Select(e => e.Key + (e.Value.dim() == 0 ? "" : " " + string.Join(",", e.Value.shape)))
            .ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// With every state-dict tensor filled as Reference/mobilenet_reference.py fills torchvision's, 10 classes,
    /// eval mode and the input sin(0.1 i) of shape [1, 3, 224, 224], the logits equal torchvision's.
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
        var tolerance = 1e-4 * expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(logits[i] - expected[i]) <= tolerance, $"{name} logit {i}: {logits[i]} vs torchvision {expected[i]}");
    }

    // Tensor k, element i: v = sin(0.7 i + 1.3 k); v·√(3 / fan-in) for weights of rank ≥ 2, 1 + 0.1 v for other
    // weights and running variances, 0.1 v otherwise (integer buffers untouched).
    private static void FillDeterministically(Module model)
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

    // The reference files sit next to this source file (tests run from the source tree).
    private static string ReferencePath(string file, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Reference", file);
}
