using ModelZoo.Torch;
using ModelZoo.Torch.Modules;
using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Zoo.Tests;

/// <summary>
/// The checks every ResNet-skeleton model (SEResNet, CbamResNet) must pass, the conv+FC MAC counter and the
/// deterministic weights of the golden-output tests (Reference/resnet_attention_golden.py fills the PyTorch
/// models with the same formula).
/// </summary>
internal static class ResNetFamilyChecks
{
    public static ClassificationModel Create(string name, ModelOptions? options = null) =>
        ModelRegistry.Default.Create(name, options);

    /// <summary>
    /// Batch 1 at 224 px (eval, no grad): shape [1, 1000], finite logits, and the conv+FC MACs that forward
    /// hooks count (conv: output elements · in/groups · kh · kw; linear: in · out).
    /// </summary>
    public static long ForwardAt224CountingMacs(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name);
        model.eval();
        var macs = 0L;
        var hooks = model.named_modules().Select(m => m.module switch
        {
            Conv2d conv => conv.register_forward_hook((_, _, output) =>
                macs += output.numel() / output.size(0) * (conv.InChannels / conv.Groups) * conv.KernelSize.Item1 * conv.KernelSize.Item2),
            Linear linear => linear.register_forward_hook((_, _, _) => macs += linear.InFeatures * linear.OutFeatures),
            _ => null,
        }).OfType<IDisposable>().ToList();

        using var noGrad = torch.no_grad();
        var logits = model.call(torch.randn([1, 3, 224, 224]));
        foreach (var hook in hooks) hook.Dispose();
        Assert.Equal([1L, 1000], logits.shape);
        Assert.True(logits.all_finite());
        return macs;
    }

    /// <summary>Shapes and finite logits at 32 px RGB and 28 px grey (small-input mode, batch 2, eval).</summary>
    public static void ForwardSmallInputs(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (channels, size) in new[] { (3, 32), (1, 28) })
        {
            using var model = Create(name, new ModelOptions { NumClasses = 10, InChannels = channels, InputSize = size });
            model.eval();
            var logits = model.call(torch.randn([2, channels, size, size]));
            Assert.Equal([2L, 10], logits.shape);
            Assert.True(logits.all_finite());
        }
    }

    /// <summary>
    /// Train mode, 42 classes, batch 2 at 32 px: every parameter gets a non-zero gradient, and one manual SGD
    /// step on the same batch lowers the cross-entropy.
    /// </summary>
    public static void GradientsReachEveryParameterAndSgdStepLowersLoss(string name)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        using var model = Create(name, new ModelOptions { NumClasses = 42, InputSize = 32 });
        model.train();
        var input = torch.randn([2, 3, 32, 32]);
        var target = torch.tensor(new long[] { 3, 29 }, 2);

        var loss = F.cross_entropy(model.call(input), target);
        loss.backward();
        var parameters = model.named_parameters().ToList();
        var missing = parameters.Where(p => p.parameter.grad is null).Select(p => p.name).ToList();
        Assert.Empty(missing);
        var zero = parameters.Where(p => p.parameter.grad!.abs().max().item<float>() == 0).Select(p => p.name).ToList();
        Assert.Empty(zero);

        using (torch.no_grad())
            foreach (var (_, parameter) in parameters)
                parameter.sub_(parameter.grad!, alpha: 0.01);
        var after = F.cross_entropy(model.call(input), target);
        Assert.True(after.item<float>() < loss.item<float>(), $"loss went from {loss.item<float>()} to {after.item<float>()}");
    }

    /// <summary>ResetClassifier swaps fc for a fresh one of the new width, in fc's place in the state dict.</summary>
    public static void ResetClassifierChangesOutputWidth(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        var before = model.ParameterCount();
        model.ResetClassifier(7);
        Assert.Equal(7, model.NumClasses);
        Assert.Equal(before + (7 - 10) * (model.NumFeatures + 1L), model.ParameterCount());
        Assert.Equal(["fc.weight", "fc.bias"], model.state_dict().Keys.TakeLast(2));
        model.eval();
        using var noGrad = torch.no_grad();
        Assert.Equal([2L, 7], model.call(torch.randn([2, 3, 32, 32])).shape);
    }

    /// <summary>
    /// A forward pass (train mode with autograd, and eval without) disposes every intermediate it creates:
    /// once the output is disposed, the dispose scope holds only the input again.
    /// </summary>
    public static void ForwardDisposesItsIntermediates(string name)
    {
        using var model = Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        using var scope = torch.NewDisposeScope();
        var input = torch.randn([2, 3, 32, 32]);
        foreach (var training in new[] { true, false })
        {
            model.train(training);
            using (training ? null : torch.no_grad())
                model.call(input).Dispose();
            Assert.Equal(1, scope.Count);
        }
    }

    /// <summary>Fills every parameter and buffer from its state-dict name (see the reference script's fill).</summary>
    public static void FillDeterministically(Module model)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in model.state_dict())
        {
            if (name.EndsWith("num_batches_tracked", StringComparison.Ordinal)) continue;
            var shape = tensor.shape;
            var wave = Wave(tensor.numel(), NameSeed(name));
            Func<double, double> value =
                name.EndsWith("running_var", StringComparison.Ordinal) ? s => 1 + 0.25 * (1 + s) :
                name.EndsWith("running_mean", StringComparison.Ordinal) || name.EndsWith("bias", StringComparison.Ordinal) ? s => 0.1 * s :
                shape.Length == 1 ? s => 1 + 0.2 * s :
                s => s * (2 / Math.Sqrt(tensor.numel() / shape[0]));
            using var source = torch.tensor(wave.Select(s => (float)value(s)).ToArray(), shape);
            tensor.copy_(source);
        }
    }

    /// <summary>The golden input batch [2, 3, size, size].</summary>
    public static Tensor GoldenInput(int size) =>
        torch.tensor(Wave(2 * 3 * size * size, 0.5).Select(v => (float)v).ToArray(), 2, 3, size, size);

    /// <summary>Eval-mode logits of <paramref name="model"/> (filled deterministically, then disposed) on the golden input equal <paramref name="expected"/>.</summary>
    public static void AssertGolden(ClassificationModel model, int size, float[] expected)
    {
        using var scope = torch.NewDisposeScope();
        using var owned = model;
        FillDeterministically(model);
        model.eval();
        using var noGrad = torch.no_grad();
        var actual = model.call(GoldenInput(size)).data<float>();
        var tolerance = 1e-4 * expected.Max(Math.Abs);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"logit {i}: expected {expected[i]}, got {actual[i]}");
    }

    // sin(k·0.7 + (k mod 1000)²·0.001 + seed): a repeated chirp, so neighbouring rows and samples are not in
    // phase, with arguments small enough for sin's fast path.
    private static double[] Wave(long n, double seed)
    {
        var values = new double[n];
        for (long i = 0; i < n; i++)
        {
            double k = i, m = i % 1000;
            values[i] = Math.Sin(k * 0.7 + m * m * 0.001 + seed);
        }
        return values;
    }

    private static int NameSeed(string name)
    {
        var sum = 0L;
        for (var i = 0; i < name.Length; i++) sum += (i + 1) * (long)name[i];
        return (int)(sum % 997);
    }
}
