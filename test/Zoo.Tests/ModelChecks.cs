using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Tests;

/// <summary>
/// The checks every registered architecture passes (STYLE.md, "Tests"), by registry name: sizes at ImageNet
/// settings, small inputs, gradients, one SGD step, classifier reset, disposal, reference state dicts and
/// golden logits. <see cref="RegisteredModelTests"/> runs the ones that need no per-family numbers over the
/// whole registry; the family test files run the others with their reference values.
/// </summary>
internal static class ModelChecks
{
    public static ClassificationModel Create(string name, ModelOptions? options = null) => ModelRegistry.Default.Create(name, options);

    /// <summary>1000 classes, 3×224×224: the exact parameter count, conv+FC MACs within 1%, finite logits [1, 1000].</summary>
    public static void ImageNetSizes(string name, long parameters, double mmacs, ModelOptions? options = null)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name, options);
        Assert.Equal(parameters, model.ParameterCount());
        var macs = ForwardAt224(model);
        Assert.InRange(macs / 1e6, mmacs * 0.99, mmacs * 1.01);
    }

    /// <summary>The exact conv+FC MACs per image at 1000 classes and 3×224×224 (with the checks of <see cref="ImageNetSizes"/>).</summary>
    public static long MacsAt224(string name)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name);
        return ForwardAt224(model);
    }

    // Eval, no grad, one 224 px image outside small-input mode: finite logits [1, 1000] and the MACs counted.
    private static long ForwardAt224(ClassificationModel model)
    {
        Assert.False(model.Options.UsesSmallInput);
        model.eval();
        using var noGrad = no_grad();
        var (output, macs) = MacCounter.Run(model, torch.randn([1, 3, 224, 224]));
        Assert.Equal([1L, 1000L], output.shape);
        Assert.True(output.all_finite(), $"{model.Name} gives non-finite logits at 224 px");
        return macs;
    }

    /// <summary>
    /// Small-input mode: RGB 32 px and grey 28 px give finite [2, 10] logits, with the parameters of the 224 px
    /// model (less, for grey, the stem conv weights of two input channels; the stem conv is the first parameter).
    /// </summary>
    public static void SmallInputs(string name)
    {
        using var scope = NewDisposeScope();
        using var large = Create(name, new ModelOptions { NumClasses = 10 });
        var stemWeight = large.named_parameters().First().parameter;
        foreach (var (channels, size) in new[] { (3, 32), (1, 28) })
        {
            using var model = Create(name, new ModelOptions { NumClasses = 10, InChannels = channels, InputSize = size });
            Assert.True(model.Options.UsesSmallInput);
            Assert.Equal(large.ParameterCount() - stemWeight.numel() / 3 * (3 - channels), model.ParameterCount());
            model.eval();
            using var noGrad = no_grad();
            var output = model.call(torch.randn([2, channels, size, size]));
            Assert.Equal([2L, 10L], output.shape);
            Assert.True(output.all_finite(), $"{name} gives non-finite logits at {channels}×{size}×{size}");
        }
    }

    /// <summary>In small-input mode the feature map is <paramref name="side32"/> square at RGB 32 px and <paramref name="side28"/> at grey 28 px.</summary>
    public static void SmallInputFeatureMap(string name, long side32, long side28)
    {
        foreach (var (channels, size, side) in new[] { (3, 32, side32), (1, 28, side28) })
        {
            using var model = Create(name, new ModelOptions { NumClasses = 10, InChannels = channels, InputSize = size });
            Assert.Equal([2L, model.NumFeatures, side, side], FeatureMapShape(model));
        }
    }

    /// <summary>The shape of the feature map of <paramref name="model"/>, in eval mode, for a random batch of 2 of its input size.</summary>
    public static long[] FeatureMapShape(ClassificationModel model)
    {
        using var scope = NewDisposeScope();
        model.eval();
        using var noGrad = no_grad();
        var (channels, size) = (model.Options.InChannels, model.Options.InputSize);
        return model.ForwardFeatures(torch.randn([2, channels, size, size])).shape;
    }

    /// <summary>Train mode, 42 classes, a 32 px batch of 2: every parameter gets a non-zero gradient.</summary>
    public static void EveryParameterGetsAGradient(string name)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(7);
        using var model = Create(name, new ModelOptions { NumClasses = 42, InputSize = 32 });
        model.train();
        var logits = model.call(torch.randn([2, 3, 32, 32]));
        Assert.Equal([2L, 42L], logits.shape);
        F.cross_entropy(logits, torch.tensor(new long[] { 3, 41 })).backward();
        foreach (var (parameterName, parameter) in model.named_parameters())
        {
            var grad = parameter.grad;
            Assert.True(grad is not null, $"{name}: {parameterName} has no gradient");
            Assert.True(grad.abs().max().item<float>() > 0, $"{name}: the gradient of {parameterName} is zero");
        }
    }

    /// <summary>One plain SGD step of <paramref name="learningRate"/> on a fixed 32 px batch (train mode, the same dropout mask) lowers the loss.</summary>
    public static void SgdStepLowersLoss(string name, double learningRate)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(11);
        using var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        model.train();
        var input = torch.randn([4, 3, 32, 32]);
        var target = torch.tensor(new long[] { 0, 3, 5, 9 });
        double Loss(bool backward)
        {
            torch.manual_seed(5);
            var loss = F.cross_entropy(model.call(input), target);
            if (backward) loss.backward();
            return loss.item<float>();
        }
        var before = Loss(backward: true);
        using (no_grad())
            foreach (var parameter in model.parameters())
                parameter.add_(parameter.grad!, alpha: -learningRate);
        var after = Loss(backward: false);
        Assert.True(after < before, $"{name}: loss {before} → {after} after one SGD step");
    }

    /// <summary>
    /// ResetClassifier(7) changes the logits' width, keeps the eval mode, and leaves the parameter count, state-dict
    /// keys, order and shapes of a model built for 7 classes, the new classifier's parameters last.
    /// </summary>
    public static void ResetClassifierChangesOutputWidth(string name)
    {
        using var scope = NewDisposeScope();
        using var model = ResetTo7Classes(name);
        Assert.Equal(7, model.NumClasses);
        using var fresh = Create(name, new ModelOptions { NumClasses = 7, InputSize = 32 });
        Assert.Equal(fresh.ParameterCount(), model.ParameterCount());
        Assert.Equal(
            fresh.state_dict().Select(e => (e.Key, string.Join(",", e.Value.shape))),
            model.state_dict().Select(e => (e.Key, string.Join(",", e.Value.shape))));
        Assert.Equal(7, model.parameters().Last().shape[0]);
        Assert.All(model.named_modules(), m => Assert.False(m.module.training, $"{m.name} is in training mode after the reset"));
        using var noGrad = no_grad();
        var output = model.call(torch.randn([2, 3, 32, 32]));
        Assert.Equal([2L, 7L], output.shape);
        Assert.True(output.all_finite(), $"{name} gives non-finite logits after the reset");
    }

    /// <summary>The classifier ResetClassifier makes starts as torchvision's MobileNet init: its bias, the last parameter, is 0.</summary>
    public static void ResetClassifierStartsWithZeroBias(string name)
    {
        using var scope = NewDisposeScope();
        using var model = ResetTo7Classes(name);
        var (_, bias) = model.named_parameters().Last();
        Assert.Equal([7L], bias.shape);
        Assert.Equal(0, bias.abs().max().item<float>());
    }

    /// <summary>
    /// ResetClassifier swaps the Linear <paramref name="linear"/> (in.weight, in.bias, last in the state dict) for
    /// one of 7 outputs over NumFeatures: the model loses (10 − 7)·(NumFeatures + 1) parameters.
    /// </summary>
    public static void ResetClassifierReplacesTheLinear(string name, string linear)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        var before = model.ParameterCount();
        model.ResetClassifier(7);
        Assert.Equal(before + (7 - 10) * (model.NumFeatures + 1L), model.ParameterCount());
        Assert.Equal([$"{linear}.weight", $"{linear}.bias"], model.state_dict().Keys.TakeLast(2));
        Assert.Equal([7L, model.NumFeatures], model.state_dict()[$"{linear}.weight"].shape);
    }

    // A 10-class 32 px model in eval mode, then reset to 7 classes.
    private static ClassificationModel ResetTo7Classes(string name)
    {
        var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        model.eval();
        model.ResetClassifier(7);
        return model;
    }

    /// <summary>
    /// A forward pass (train mode with autograd, and eval without) disposes every intermediate it creates:
    /// once the output is disposed, the dispose scope holds only the input again.
    /// </summary>
    public static void ForwardDisposesItsIntermediates(string name)
    {
        using var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        using var scope = NewDisposeScope();
        var input = torch.randn([2, 3, 32, 32]);
        foreach (var training in new[] { true, false })
        {
            model.train(training);
            using (training ? null : no_grad())
                model.call(input).Dispose();
            Assert.Equal(1, scope.DisposablesCount);
        }
    }

    /// <summary>
    /// torchvision's MobileNet init, on the tensors large enough to measure: conv weights with root mean square
    /// √(2 / fan-out) (kaiming_normal_, fan-out = out · kh · kw), linear weights 0.01, batch-norm weights 1,
    /// every bias 0.
    /// </summary>
    public static void InitializationIsTorchvisionsMobileNet(string name)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(3);
        using var model = Create(name);
        foreach (var (_, module) in model.named_modules())
        {
            (Tensor? weight, Tensor? bias, double rms) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias, Math.Sqrt(2.0 / (conv.out_channels * conv.kernel_size[0] * conv.kernel_size[1]))),
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

    /// <summary>
    /// The state dict has exactly the keys, order and shapes of a reference dump in Reference/ (lines
    /// "key d0,d1,..."; '#' starts a comment).
    /// </summary>
    public static void StateDictMatchesReference(string name, string referenceFile)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name);
        var expected = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", referenceFile))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var actual = model.state_dict()
            .Select(entry => entry.Key + (entry.Value.dim() == 0 ? "" : " " + string.Join(",", entry.Value.shape)))
            .ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// With <see cref="GoldenWeights.FillByIndex"/> weights, <paramref name="expected"/>.Length classes and
    /// <see cref="GoldenWeights.SineImage"/>, the logits equal the reference implementation's in PyTorch.
    /// </summary>
    public static void LogitsMatchReference(string name, float[] expected) =>
        GoldenWeights.AssertLogits(Create(name, new ModelOptions { NumClasses = expected.Length }),
            GoldenWeights.FillByIndex, GoldenWeights.SineImage, expected);
}
