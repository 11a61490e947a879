namespace ModelZoo.Torch.Tests.Autograd;

public class AutogradTests
{
    private static Tensor Leaf(params float[] values) => torch.tensor(values).requires_grad_();

    [Fact]
    public void TensorsDoNotRequireGradUntilAsked()
    {
        var x = torch.tensor(new[] { 1f });
        Assert.False(x.requires_grad);
        Assert.Same(x, x.requires_grad_());
        Assert.True(x.requires_grad);
        Assert.True(x.is_leaf);
        x.requires_grad = false;
        Assert.False(x.requires_grad);
    }

    [Fact]
    public void ResultsOfRecordedOperationsAreNotLeaves()
    {
        var y = Leaf(1, 2).mul(2);
        Assert.True(y.requires_grad);
        Assert.False(y.is_leaf);
        Assert.Null(Leaf(1).grad);
    }

    [Fact]
    public void BackwardOfAScalarProducesTheGradient()
    {
        var x = Leaf(1, 2, 3);
        var w = Leaf(4, 5, 6);
        x.mul(w).sum().backward();
        Assert.Equal(new[] { 4f, 5f, 6f }, x.grad!.data<float>());
        Assert.Equal(new[] { 1f, 2f, 3f }, w.grad!.data<float>());
    }

    [Fact]
    public void BackwardOfANonScalarTakesTheOutputGradient()
    {
        var x = Leaf(1, 2, 3);
        var y = x.mul(x);
        // d(x^2)/dx * g = 2 x g
        y.backward(torch.tensor(new[] { 1f, 0.5f, 2f }));
        Assert.Equal(new[] { 2f, 2f, 12f }, x.grad!.data<float>());
    }

    [Fact]
    public void BackwardOfANonScalarWithoutAGradientIsAnError()
    {
        var error = Assert.Throws<TorchException>(() => Leaf(1, 2).mul(2).backward());
        Assert.Contains("implicitly created only for scalar outputs", error.Message);
    }

    [Fact]
    public void GradientsAccumulateUntilZeroedOrCleared()
    {
        var x = Leaf(1, 2);
        x.mul(3).sum().backward();
        x.mul(3).sum().backward();
        Assert.Equal(new[] { 6f, 6f }, x.grad!.data<float>());

        x.grad!.zero_();
        Assert.Equal(new[] { 0f, 0f }, x.grad!.data<float>());
        x.mul(5).sum().backward();
        Assert.Equal(new[] { 5f, 5f }, x.grad!.data<float>());

        x.grad = null;
        Assert.Null(x.grad);
        x.mul(7).sum().backward();
        Assert.Equal(new[] { 7f, 7f }, x.grad!.data<float>());
    }

    [Fact]
    public void AGradientCanBeAssigned()
    {
        var x = Leaf(1, 2);
        x.grad = torch.tensor(new[] { 0.5f, 0.25f });
        x.mul(2).sum().backward();
        Assert.Equal(new[] { 2.5f, 2.25f }, x.grad!.data<float>());
    }

    [Fact]
    public void AnAssignedGradientMustMatchShapeAndDtype()
    {
        var x = Leaf(1, 2);
        var error = Assert.Throws<TorchException>(() => x.grad = torch.ones([3]));
        Assert.Contains("different size", error.Message);
        error = Assert.Throws<TorchException>(() => x.grad = torch.ones([2], ScalarType.Float64));
        Assert.Contains("different type", error.Message);
        Assert.Null(x.grad);
    }

    [Fact]
    public void BackwardFromATensorOutsideTheGraphIsAnError()
    {
        var error = Assert.Throws<TorchException>(() => torch.ones([1]).sum().backward());
        Assert.Contains("does not require grad", error.Message);
    }

    [Fact]
    public void RetainGraphAllowsASecondBackward()
    {
        var x = Leaf(3);
        var y = x.mul(x).sum();
        y.backward(retain_graph: true);
        y.backward();
        Assert.Equal(12f, x.grad!.item<float>());
        var z = x.exp().sum();
        z.backward();
        Assert.Throws<TorchException>(() => z.backward());
    }

    [Fact]
    public void DetachSharesDataButLeavesTheGraph()
    {
        var x = Leaf(1, 2);
        var y = x.mul(2);
        var d = y.detach();
        Assert.False(d.requires_grad);
        Assert.True(d.is_leaf);
        d.add_(1);
        Assert.Equal(new[] { 3f, 5f }, y.data<float>());

        // The detached branch contributes no gradient.
        x.mul(d).sum().backward();
        Assert.Equal(new[] { 3f, 5f }, x.grad!.data<float>());
    }

    [Fact]
    public void DetachInPlace()
    {
        var y = Leaf(1).mul(2);
        Assert.Same(y, y.detach_());
        Assert.False(y.requires_grad);
    }

    [Fact]
    public void NoGradRecordsNoGraphAndRestoresTheMode()
    {
        var x = Leaf(1, 2);
        Assert.True(torch.is_grad_enabled());
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            var y = x.mul(2);
            Assert.False(y.requires_grad);
            using (torch.enable_grad())
            {
                Assert.True(x.mul(2).requires_grad);
            }
            Assert.False(torch.is_grad_enabled());
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True(x.mul(2).requires_grad);
    }

    [Fact]
    public void InPlaceUpdateOfALeafUnderNoGradIsAllowed()
    {
        var w = Leaf(1, 2);
        Assert.Throws<TorchException>(() => w.add_(1));
        using (torch.no_grad()) w.add_(1);
        Assert.Equal(new[] { 2f, 3f }, w.data<float>());
        Assert.True(w.is_leaf);
    }

    [Fact]
    public void InferenceModeRecordsNothingAndItsTensorsStayOutOfAutograd()
    {
        var x = Leaf(1, 2);
        Tensor y;
        using (torch.inference_mode())
        {
            Assert.False(torch.is_grad_enabled());
            y = x.mul(2);
            Assert.False(y.requires_grad);
            Assert.Equal(new[] { 2f, 4f }, y.data<float>());
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True(x.mul(2).requires_grad);
        // An inference tensor cannot be saved for backward outside inference mode.
        var error = Assert.Throws<TorchException>(() => x.mul(y));
        Assert.Contains("Inference tensors", error.Message);
    }

    [Fact]
    public void ChainRuleThroughSeveralOperations()
    {
        var x = torch.tensor(new[] { 0.5, 2.0 }).requires_grad_();
        // f = sum(exp(x) * x^2): f' = exp(x) (x^2 + 2x)
        x.exp().mul(x.pow(2)).sum().backward();
        Assert.Equal(Math.Exp(0.5) * (0.25 + 1), x.grad!.data<double>()[0], 12);
        Assert.Equal(Math.Exp(2.0) * (4 + 4), x.grad!.data<double>()[1], 12);
    }
}
