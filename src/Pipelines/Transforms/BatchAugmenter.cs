using ModelZoo.TorchSharpAdditions;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Transforms;

/// <summary>A batch ready for the model: normalised input, the loss target and the true labels.</summary>
public sealed class ModelBatch(Tensor input, Tensor target, Tensor labels) : IDisposable
{
    /// <summary>Float32 [N, C, S, S], normalised.</summary>
    public Tensor Input { get; } = input;
    /// <summary>Class indices (int64 [N]) or, after mixup/cutmix, class probabilities (float32 [N, K]).</summary>
    public Tensor Target { get; } = target;
    /// <summary>The true class indices, int64 [N].</summary>
    public Tensor Labels { get; } = labels;
    /// <summary>Batch size.</summary>
    public int Count => (int)Labels.size(0);

    /// <summary>Frees the three tensors.</summary>
    public void Dispose()
    {
        Input.Dispose();
        if (!ReferenceEquals(Target, Labels)) Target.Dispose();
        Labels.Dispose();
    }
}

/// <summary>
/// Batch-level transforms in libtorch: random crop with padding, flips, normalisation, random erasing,
/// mixup/cutmix, and the memory layout the model runs fastest in.
/// </summary>
public static class BatchAugmenter
{
    /// <summary>Produces the model batch from a uint8 batch; augmentation only when <paramref name="training"/>.</summary>
    public static ModelBatch Apply(Tensor images, long[] labels, int numClasses, Preprocessing preprocessing,
        Augmentation augmentation, bool training, Random random, MemoryFormat memoryFormat = MemoryFormat.Contiguous)
    {
        using var scope = torch.NewDisposeScope();
        // Our own float copy: flips and normalisation then work in place, with no batch-sized allocation each.
        var x = images.dtype == ScalarType.Float32 ? images.clone() : images.to(ScalarType.Float32);
        if (training)
        {
            if (augmentation.RandomCropPadding > 0) x = RandomCrop(x, augmentation.RandomCropPadding, random);
            if (augmentation.HorizontalFlip) x = RandomFlip(x, 3, random);
            if (augmentation.VerticalFlip) x = RandomFlip(x, 2, random);
        }
        NormalizeInPlace(x, preprocessing);
        if (training && augmentation.RandomErasing > 0) Erase(x, augmentation.RandomErasing, random);
        var labelTensor = torch.tensor(labels);
        var target = labelTensor;
        if (training && (augmentation.MixupAlpha > 0 || augmentation.CutmixAlpha > 0))
            (x, target) = Mix(x, labelTensor, numClasses, augmentation, random);
        if (memoryFormat == MemoryFormat.ChannelsLast) x = x.to(MemoryFormat.ChannelsLast);
        return new ModelBatch(x.MoveToOuterDisposeScope(), target.MoveToOuterDisposeScope(),
            ReferenceEquals(target, labelTensor) ? labelTensor : labelTensor.MoveToOuterDisposeScope());
    }

    /// <summary>(x / 255 − mean) / std per channel.</summary>
    public static Tensor Normalize(Tensor x, Preprocessing preprocessing) => NormalizeInPlace(x.clone(), preprocessing);

    /// <summary>(x / 255 − mean) / std per channel, overwriting the float tensor <paramref name="x"/>; returns it.</summary>
    private static Tensor NormalizeInPlace(Tensor x, Preprocessing preprocessing)
    {
        var (mean, std) = preprocessing.Statistics();
        var channels = mean.Length;
        using var meanTensor = torch.tensor(mean.Select(m => (float)(m * 255)).ToArray(), [1, channels, 1, 1]);
        using var stdTensor = torch.tensor(std.Select(s => (float)(s * 255)).ToArray(), [1, channels, 1, 1]);
        return x.sub_(meanTensor).div_(stdTensor);
    }

    private static Tensor RandomCrop(Tensor x, int padding, Random random)
    {
        var shape = x.shape;
        var (n, h, w) = (shape[0], shape[2], shape[3]);
        using var padded = F.pad(x, (padding, padding, padding, padding));
        var crops = new Tensor[n];
        for (var i = 0; i < n; i++)
        {
            using var one = padded.select(0, i);
            using var rows = one.narrow(1, random.Next(2 * padding + 1), h);
            crops[i] = rows.narrow(2, random.Next(2 * padding + 1), w);
        }
        return torch.stack(crops);
    }

    /// <summary>Mirrors each image along <paramref name="dim"/> with probability ½, in place; returns <paramref name="x"/>.</summary>
    private static Tensor RandomFlip(Tensor x, long dim, Random random)
    {
        var n = x.size(0);
        var flags = Enumerable.Range(0, (int)n).Select(_ => random.NextDouble() < 0.5).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (!flags[i]) continue;
            using var image = x.select(0, i);
            using var mirrored = image.flip(dim - 1);
            image.copy_(mirrored);
        }
        return x;
    }

    /// <summary>Random erasing (Zhong et al., arXiv:1708.04896): a rectangle of 2–33% area, ratio 0.3–3.3, set to 0 (the mean).</summary>
    private static void Erase(Tensor x, double probability, Random random)
    {
        var shape = x.shape;
        var (n, h, w) = (shape[0], (int)shape[2], (int)shape[3]);
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() >= probability) continue;
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var area = h * w * (0.02 + random.NextDouble() * 0.31);
                var ratio = Math.Exp(Math.Log(0.3) + random.NextDouble() * (Math.Log(1 / 0.3) - Math.Log(0.3)));
                var eh = (int)Math.Round(Math.Sqrt(area * ratio));
                var ew = (int)Math.Round(Math.Sqrt(area / ratio));
                if (eh < 1 || ew < 1 || eh >= h || ew >= w) continue;
                using var one = x.select(0, i);
                using var rows = one.narrow(1, random.Next(h - eh + 1), eh);
                using var patch = rows.narrow(2, random.Next(w - ew + 1), ew);
                patch.zero_();
                break;
            }
        }
    }

    /// <summary>Mixup (Zhang et al.) or CutMix (Yun et al.) with a shuffled copy of the batch; targets become probabilities.</summary>
    private static (Tensor input, Tensor target) Mix(Tensor x, Tensor labels, int numClasses, Augmentation augmentation, Random random)
    {
        var n = x.size(0);
        var useCutmix = augmentation.CutmixAlpha > 0 && (augmentation.MixupAlpha <= 0 || random.NextDouble() < 0.5);
        var lambda = Beta(useCutmix ? augmentation.CutmixAlpha : augmentation.MixupAlpha, random);
        var order = Enumerable.Range(0, (int)n).Select(i => (long)i).OrderBy(_ => random.Next()).ToArray();
        using var permutation = torch.tensor(order);
        using var shuffled = x.index_select(0, permutation);
        Tensor mixed;
        if (useCutmix)
        {
            var (h, w) = ((int)x.size(2), (int)x.size(3));
            var cutH = (int)(h * Math.Sqrt(1 - lambda));
            var cutW = (int)(w * Math.Sqrt(1 - lambda));
            var cy = random.Next(h);
            var cx = random.Next(w);
            int top = Math.Clamp(cy - cutH / 2, 0, h), bottom = Math.Clamp(cy + cutH / 2, 0, h);
            int left = Math.Clamp(cx - cutW / 2, 0, w), right = Math.Clamp(cx + cutW / 2, 0, w);
            mixed = x.clone();
            if (bottom > top && right > left)
            {
                using var rows = mixed.narrow(2, top, bottom - top);
                using var region = rows.narrow(3, left, right - left);
                using var sourceRows = shuffled.narrow(2, top, bottom - top);
                using var source = sourceRows.narrow(3, left, right - left);
                region.copy_(source);
            }
            lambda = 1 - (double)(bottom - top) * (right - left) / (h * w);
        }
        else
        {
            using var scaled = x.mul(lambda);
            mixed = scaled.add(shuffled, 1 - lambda);
        }
        using var oneHot = F.one_hot(labels, numClasses);
        using var hot = oneHot.to(ScalarType.Float32);
        using var partnerLabels = labels.index_select(0, permutation);
        using var partnerHot = F.one_hot(partnerLabels, numClasses);
        using var partner = partnerHot.to(ScalarType.Float32);
        using var own = hot.mul(lambda);
        return (mixed, own.add(partner, 1 - lambda));
    }

    /// <summary>A Beta(α, α) draw from two Gamma(α) draws (Marsaglia–Tsang).</summary>
    private static double Beta(double alpha, Random random)
    {
        var a = Gamma(alpha, random);
        var b = Gamma(alpha, random);
        return a / (a + b);
    }

    private static double Gamma(double shape, Random random)
    {
        if (shape < 1) return Gamma(shape + 1, random) * Math.Pow(random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
