namespace ModelZoo.Torch.Tests.Ops;

public class ActivationTests
{
    private static readonly float[] Inputs = [-4, -3, -1, 0, 0.5f, 3, 7];
    private static Tensor X() => torch.tensor(Inputs);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Relu() => Expect.Close(F.relu(X()), [7], [0, 0, 0, 0, 0.5, 3, 7]);

    [Fact]
    public void Relu6() => Expect.Close(F.relu6(X()), [7], [0, 0, 0, 0, 0.5, 3, 6]);

    [Fact]
    public void Hardsigmoid() =>
        // relu6(x + 3) / 6
        Expect.Close(F.hardsigmoid(X()), [7], [0, 0, 2 / 6.0, 3 / 6.0, 3.5 / 6, 1, 1]);

    [Fact]
    public void Hardswish() =>
        // x * relu6(x + 3) / 6
        Expect.Close(F.hardswish(X()), [7], [0, 0, -2 / 6.0, 0, 0.5 * 3.5 / 6, 3, 7]);

    [Fact]
    public void SigmoidMatchesKnownValues() =>
        Expect.Close(F.sigmoid(X()), [7], [0.01798621, 0.04742587, 0.26894142, 0.5, 0.62245933, 0.95257413, 0.99908895]);

    [Fact]
    public void Silu() =>
        Expect.Close(F.silu(X()), [7], Inputs.Select(x => x * Sigmoid(x)).ToArray());

    [Fact]
    public void Tanh() =>
        // tanh(ln 2) = (4 - 1) / (4 + 1)
        Expect.Close(F.tanh(torch.tensor(new[] { (float)-Math.Log(2), 0, (float)Math.Log(2) })), [3], [-0.6, 0, 0.6]);

    [Fact]
    public void InPlaceVariantsOverwriteTheirInputAndReturnIt()
    {
        var x = X();
        Assert.Same(x, F.relu(x, inplace: true));
        Expect.Close(x, [7], [0, 0, 0, 0, 0.5, 3, 7]);

        x = X();
        Assert.Same(x, F.relu6(x, inplace: true));
        Expect.Close(x, [7], [0, 0, 0, 0, 0.5, 3, 6]);

        x = X();
        Assert.Same(x, F.hardswish(x, inplace: true));
        Expect.Close(x, [7], [0, 0, -2 / 6.0, 0, 0.5 * 3.5 / 6, 3, 7]);

        x = X();
        Assert.Same(x, F.hardsigmoid(x, inplace: true));
        Expect.Close(x, [7], [0, 0, 2 / 6.0, 3 / 6.0, 3.5 / 6, 1, 1]);

        x = X();
        Assert.Same(x, F.sigmoid(x, inplace: true));
        Expect.Close(x, [7], Inputs.Select(v => Sigmoid(v)).ToArray());

        x = X();
        Assert.Same(x, F.silu(x, inplace: true));
        Expect.Close(x, [7], Inputs.Select(v => v * Sigmoid(v)).ToArray());

        x = X();
        Assert.Same(x, F.tanh(x, inplace: true));
        Expect.Close(x, [7], Inputs.Select(v => Math.Tanh(v)).ToArray());
    }

    [Fact]
    public void OutOfPlaceVariantsLeaveTheirInputAlone()
    {
        var x = X();
        _ = F.relu(x);
        _ = F.hardswish(x);
        Expect.Close(x, [7], Inputs.Select(v => (double)v).ToArray());
    }
}
