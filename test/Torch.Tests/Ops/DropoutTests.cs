namespace ModelZoo.Torch.Tests.Ops;

// Dropout draws from the default generator, which torch.manual_seed resets: global state.
[Collection(GlobalStateCollection.Name)]
public class DropoutTests
{
    private static Tensor Input() => torch.arange(1, 1001, 1, ScalarType.Float32);

    [Fact]
    public void ZeroProbabilityIsTheIdentity() =>
        Assert.Equal(Input().data<float>(), F.dropout(Input(), p: 0, training: true).data<float>());

    [Fact]
    public void EvaluationIsTheIdentity() =>
        Assert.Equal(Input().data<float>(), F.dropout(Input(), p: 0.5, training: false).data<float>());

    [Fact]
    public void ProbabilityOneZeroesEverything() =>
        Assert.All(F.dropout(Input(), p: 1, training: true).data<float>(), v => Assert.Equal(0f, v));

    [Fact]
    public void HalfTheElementsSurviveScaledByTwo()
    {
        torch.manual_seed(7);
        var input = Input().data<float>();
        var output = F.dropout(Input(), p: 0.5, training: true).data<float>();
        var kept = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] == 0) continue;
            Assert.Equal(2 * input[i], output[i]);
            kept++;
        }
        // Binomial(1000, 0.5): standard deviation 16, so 400..600 is over 6 sigma.
        Assert.InRange(kept, 400, 600);
    }

    [Fact]
    public void SameSeedSameMaskDifferentSeedDifferentMask()
    {
        torch.manual_seed(11);
        var first = F.dropout(Input(), p: 0.5, training: true).data<float>();
        torch.manual_seed(11);
        var again = F.dropout(Input(), p: 0.5, training: true).data<float>();
        torch.manual_seed(12);
        var other = F.dropout(Input(), p: 0.5, training: true).data<float>();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ProbabilityOutsideZeroToOneIsRejected() =>
        Assert.Throws<TorchException>(() => F.dropout(Input(), p: 1.5));
}
