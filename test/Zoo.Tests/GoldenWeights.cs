
namespace ModelZoo.Zoo.Tests;

/// <summary>
/// Deterministic weights and inputs for the golden-logit tests, and the comparison itself. Two fills exist
/// because two reference scripts recorded the expected logits, each with its own fill, and the values can
/// only be re-recorded in PyTorch: <see cref="FillByIndex"/> is Reference/mobilenet_reference.py's (MobileNet,
/// ShuffleNet, SqueezeNet), <see cref="FillByName"/> is Reference/resnet_attention_golden.py's (ResNet, SE, CBAM).
/// </summary>
internal static class GoldenWeights
{
    /// <summary>
    /// Fills <paramref name="model"/> (then disposes it), puts it in eval mode and checks that its logits on the
    /// batch <paramref name="input"/> makes equal <paramref name="expected"/> within 1e-4 of the largest expected magnitude.
    /// </summary>
    public static void AssertLogits(ClassificationModel model, Action<nn.Module> fill, Func<Tensor> input, float[] expected)
    {
        using var scope = NewDisposeScope();
        using var owned = model;
        fill(model);
        model.eval();
        using var noGrad = no_grad();
        var actual = model.call(input()).data<float>().ToArray();
        var tolerance = 1e-4 * expected.Max(Math.Abs);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance, $"{model.Name} logit {i}: {actual[i]} vs reference {expected[i]}");
    }

    /// <summary>
    /// Floating-point state-dict tensor k, element i: v = sin(0.7 i + 1.3 k), scaled to v·√(3 / fan-in) for
    /// weights of rank ≥ 2, 1 + 0.1 v for other weights and running variances, 0.1 v otherwise.
    /// </summary>
    public static void FillByIndex(nn.Module model)
    {
        using var noGrad = no_grad();
        var k = 0;
        foreach (var (key, tensor) in model.state_dict())
        {
            var index = k++;
            if (!tensor.is_floating_point()) continue;
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

    /// <summary>The input of <see cref="FillByIndex"/>'s references: x[i] = sin(0.1 i), shape [1, 3, 224, 224].</summary>
    public static Tensor SineImage()
    {
        var pixels = new float[3 * 224 * 224];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)Math.Sin(0.1 * i);
        return torch.tensor(pixels, 1, 3, 224, 224);
    }

    /// <summary>
    /// Every parameter and buffer but num_batches_tracked from a <see cref="Chirp"/> seeded by its state-dict name:
    /// running variances 1 + 0.25 (1 + s), running means and biases 0.1 s, other vectors 1 + 0.2 s, weights
    /// s·2 / √fan-in.
    /// </summary>
    public static void FillByName(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var (name, tensor) in model.state_dict())
        {
            if (name.EndsWith("num_batches_tracked", StringComparison.Ordinal)) continue;
            var shape = tensor.shape;
            var wave = Chirp(tensor.numel(), NameSeed(name));
            Func<double, double> value =
                name.EndsWith("running_var", StringComparison.Ordinal) ? s => 1 + 0.25 * (1 + s) :
                name.EndsWith("running_mean", StringComparison.Ordinal) || name.EndsWith("bias", StringComparison.Ordinal) ? s => 0.1 * s :
                shape.Length == 1 ? s => 1 + 0.2 * s :
                s => s * (2 / Math.Sqrt(tensor.numel() / shape[0]));
            using var source = torch.tensor(wave.Select(s => (float)value(s)).ToArray(), shape);
            tensor.copy_(source);
        }
    }

    /// <summary>The input of <see cref="FillByName"/>'s references: a chirp of seed 0.5, shape [2, 3, size, size].</summary>
    public static Tensor ChirpImages(int size) =>
        torch.tensor(Chirp(2 * 3 * size * size, 0.5).Select(v => (float)v).ToArray(), 2, 3, size, size);

    // sin(k·0.7 + (k mod 1000)²·0.001 + seed): a repeated chirp, so neighbouring rows and samples are not in
    // phase, with arguments small enough for sin's fast path.
    private static double[] Chirp(long n, double seed)
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
