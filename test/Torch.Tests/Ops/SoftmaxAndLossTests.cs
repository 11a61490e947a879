namespace ModelZoo.Torch.Tests.Ops;

public class SoftmaxAndLossTests
{
    private static readonly double Ln2 = Math.Log(2), Ln3 = Math.Log(3), Ln5 = Math.Log(5), Ln6 = Math.Log(6);

    // Row 0: exp = (1, 2, 3), probabilities (1/6, 2/6, 3/6).
    // Row 1: exp = (3, 1, 1), probabilities (3/5, 1/5, 1/5).
    private static Tensor Logits() =>
        torch.tensor(new[] { 0, Ln2, Ln3, Ln3, 0, 0 }, 2, 3);

    // Targets 2 and 0: per-sample losses -log(3/6) = ln 2 and -log(3/5) = ln 5 - ln 3.
    private static Tensor Targets() => torch.tensor(new long[] { 2, 0 }, 2);
    private static readonly double Loss0 = Ln2, Loss1 = Ln5 - Ln3;

    [Fact]
    public void SoftmaxOfLogsIsTheNormalisedValues() =>
        Expect.Close(F.softmax(Logits(), 1), [2, 3], [1 / 6.0, 2 / 6.0, 3 / 6.0, 3 / 5.0, 1 / 5.0, 1 / 5.0], 1e-12);

    [Fact]
    public void SoftmaxFollowsTheDimension()
    {
        var x = torch.tensor(new[] { 0f, (float)Ln3, 0f, 0f }, 2, 2);
        Expect.Close(F.softmax(x, 1), [2, 2], [0.25, 0.75, 0.5, 0.5]);
        Expect.Close(F.softmax(x, 0), [2, 2], [0.5, 0.75, 0.5, 0.25]);
    }

    [Fact]
    public void LogSoftmax() =>
        Expect.Close(F.log_softmax(Logits(), -1), [2, 3], [-Ln6, -Ln3, -Ln2, Ln3 - Ln5, -Ln5, -Ln5], 1e-12);

    [Fact]
    public void LogSoftmaxIsStableForLargeLogits() =>
        Expect.Close(F.log_softmax(torch.tensor(new float[] { 1000, 1000 }), 0), [2], [-Ln2, -Ln2]);

    [Fact]
    public void CrossEntropyWithClassIndicesAndEachReduction()
    {
        Expect.Close(F.cross_entropy(Logits(), Targets(), reduction: Reduction.None), [2], [Loss0, Loss1], 1e-12);
        Expect.Close(F.cross_entropy(Logits(), Targets(), reduction: Reduction.Sum), [], [Loss0 + Loss1], 1e-12);
        Expect.Close(F.cross_entropy(Logits(), Targets()), [], [(Loss0 + Loss1) / 2], 1e-12);
    }

    [Fact]
    public void CrossEntropyWithLabelSmoothing()
    {
        // (1 - e) * nll + e / C * sum over classes of -log p, with e = 0.3 and C = 3.
        var smoothed0 = 0.7 * Loss0 + 0.1 * (Ln6 + Ln3 + Ln2);
        var smoothed1 = 0.7 * Loss1 + 0.1 * ((Ln5 - Ln3) + Ln5 + Ln5);
        Expect.Close(F.cross_entropy(Logits(), Targets(), reduction: Reduction.None, label_smoothing: 0.3), [2],
            [smoothed0, smoothed1], 1e-12);
        Expect.Close(F.cross_entropy(Logits(), Targets(), label_smoothing: 0.3), [], [(smoothed0 + smoothed1) / 2], 1e-12);
        Expect.Close(F.cross_entropy(Logits(), Targets(), reduction: Reduction.Sum, label_smoothing: 0.3), [],
            [smoothed0 + smoothed1], 1e-12);
    }

    [Fact]
    public void CrossEntropyClassWeightsGiveAWeightedMean()
    {
        var weight = torch.tensor(new double[] { 1, 1, 3 });
        Expect.Close(F.cross_entropy(Logits(), Targets(), weight), [], [(3 * Loss0 + 1 * Loss1) / 4], 1e-12);
    }

    [Fact]
    public void CrossEntropyIgnoresTheIgnoreIndex()
    {
        var targets = torch.tensor(new long[] { 2, -100 });
        Expect.Close(F.cross_entropy(Logits(), targets), [], [Loss0], 1e-12);
    }

    [Fact]
    public void CrossEntropyWithClassProbabilities()
    {
        var probabilities = torch.tensor(new[] { 0.5, 0, 0.5, 0, 1, 0 }, 2, 3);
        // Row 0: 0.5 ln 6 + 0.5 ln 2; row 1: ln 5.
        Expect.Close(F.cross_entropy(Logits(), probabilities), [], [(0.5 * Ln6 + 0.5 * Ln2 + Ln5) / 2], 1e-12);
    }

    [Fact]
    public void NllLossPicksTheTargetLogProbability()
    {
        var logProbabilities = torch.tensor(new float[] { -1, -2, -3, -0.5f, -1.5f, -2.5f }, 2, 3);
        var targets = torch.tensor(new long[] { 1, 2 });
        Expect.Close(F.nll_loss(logProbabilities, targets, reduction: Reduction.None), [2], [2, 2.5]);
        Expect.Close(F.nll_loss(logProbabilities, targets, reduction: Reduction.Sum), [], [4.5]);
        Expect.Close(F.nll_loss(logProbabilities, targets), [], [2.25]);
    }

    [Fact]
    public void NllLossOnImageShapedInput()
    {
        // [N=1, C=2, H=1, W=2] with a target per pixel.
        var logProbabilities = torch.tensor(new float[] { -1, -2, -3, -4 }, 1, 2, 1, 2);
        var targets = torch.tensor(new long[] { 1, 0 }, 1, 1, 2);
        Expect.Close(F.nll_loss(logProbabilities, targets, reduction: Reduction.None), [1, 1, 2], [3, 2]);
    }
}
