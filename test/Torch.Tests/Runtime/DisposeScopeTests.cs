namespace ModelZoo.Torch.Tests.Runtime;

// TensorStatistics counts every tensor in the process, so these tests run alone.
[Collection(GlobalStateCollection.Name)]
public class DisposeScopeTests
{
    [Fact]
    public void AHundredThousandOpsUnderScopesLeaveNothingBehind()
    {
        var start = LiveTensors.Settle();
        TensorStatistics.ResetPeak();
        var weights = torch.ones([4, 4]);
        for (var step = 0; step < 10_000; step++)
        {
            using var scope = torch.NewDisposeScope();
            // Ten ops per step, as a miniature training step.
            var x = torch.full([4, 4], step % 7);
            var y = torch.nn.functional.relu(x.mul(weights).add(1)).sub(0.5).abs();
            var z = y.sum(1).mean().mul(2).sqrt();
            Assert.Equal(10, scope.Count);
            if (step == 9_999) Assert.Equal(Math.Sqrt(2 * 4 * (9_999 % 7 + 0.5)), z.item<double>(), 5);
        }
        Assert.Equal(start + 1, TensorStatistics.Live);
        // Each step frees its own intermediates: the live count never grew past one step's worth.
        Assert.Equal(start + 1 + 10, TensorStatistics.Peak);
        weights.Dispose();
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void NestedScopesFreeOnlyTheirOwnTensors()
    {
        var start = LiveTensors.Settle();
        using (var outer = torch.NewDisposeScope())
        {
            var a = torch.ones([1]);
            Tensor b;
            using (var inner = torch.NewDisposeScope())
            {
                Assert.Same(inner, DisposeScope.Current);
                Assert.Same(outer, inner.Outer);
                b = torch.ones([1]);
                Assert.Equal(1, inner.Count);
            }
            Assert.Same(outer, DisposeScope.Current);
            Assert.True(b.IsDisposed);
            Assert.False(a.IsDisposed);
            Assert.Equal(start + 1, TensorStatistics.Live);
        }
        Assert.Null(DisposeScope.Current);
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void MoveToOuterDisposeScopeHandsTheTensorToTheEnclosingScope()
    {
        var start = LiveTensors.Settle();
        Tensor kept;
        using (var outer = torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                _ = torch.ones([1]);
                kept = torch.ones([1]).mul(3).MoveToOuterDisposeScope();
            }
            Assert.False(kept.IsDisposed);
            Assert.Equal(3f, kept.item<float>());
            Assert.Equal(1, outer.Count);
            Assert.Equal(start + 1, TensorStatistics.Live);
        }
        Assert.True(kept.IsDisposed);
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void MoveToOuterFromTheOutermostScopeGivesTheTensorToTheCaller()
    {
        var start = LiveTensors.Settle();
        Tensor kept;
        using (torch.NewDisposeScope()) kept = torch.ones([1]).MoveToOuterDisposeScope();
        Assert.False(kept.IsDisposed);
        kept.Dispose();
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void DetachFromDisposeScopeSurvivesEveryScope()
    {
        var start = LiveTensors.Settle();
        Tensor kept;
        using (torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                kept = torch.ones([1]).DetachFromDisposeScope();
            }
        }
        Assert.False(kept.IsDisposed);
        Assert.Equal(start + 1, TensorStatistics.Live);
        kept.Dispose();
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void DisposingATensorEarlyTakesItOutOfItsScope()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.ones([1]);
        Assert.Equal(1, scope.Count);
        t.Dispose();
        Assert.Equal(0, scope.Count);
    }

    [Fact]
    public void DisposingTwiceIsHarmless()
    {
        var start = LiveTensors.Settle();
        var t = torch.ones([1]);
        t.Dispose();
        t.Dispose();
        using (var scope = torch.NewDisposeScope())
        {
            scope.Dispose();
            scope.Dispose();
        }
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void UsingADisposedTensorThrowsObjectDisposedException()
    {
        var t = torch.ones([2]);
        t.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => t.add(1));
        Assert.Throws<ObjectDisposedException>(() => t.shape);
        Assert.Throws<ObjectDisposedException>(() => t.data<float>());
        Assert.Throws<ObjectDisposedException>(() => torch.ones([2]).add(t));
        Assert.Throws<ObjectDisposedException>(() => torch.cat([torch.ones([2]), t]));
        Assert.Equal("Tensor(disposed)", t.ToString());
    }

    [Fact]
    public void ATensorFreedByItsScopeThrowsObjectDisposedException()
    {
        Tensor t;
        using (torch.NewDisposeScope()) t = torch.ones([2]);
        Assert.Throws<ObjectDisposedException>(() => t.sum());
    }

    [Fact]
    public void DisposingAnOuterScopeFirstStillRestoresTheScopeAboveIt()
    {
        var outer = torch.NewDisposeScope();
        var inner = torch.NewDisposeScope();
        outer.Dispose();
        // A leaked inner scope must not stay current and swallow later tensors.
        Assert.Null(DisposeScope.Current);
        var t = torch.ones([1]);
        inner.Dispose();
        Assert.False(t.IsDisposed);
        t.Dispose();
    }

    [Fact]
    public void FailingNativeCallsLeakNoHandles()
    {
        var start = LiveTensors.Settle();
        using (torch.NewDisposeScope())
        {
            var x = torch.ones([2, 3]);
            var index = torch.tensor(new long[] { 7 });
            for (var i = 0; i < 1000; i++)
            {
                Assert.Throws<TorchException>(() => x.view(4));
                Assert.Throws<TorchException>(() => x.index_select(0, index));
            }
        }
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void GradientsAndResultsAreCountedAndFreed()
    {
        var start = LiveTensors.Settle();
        using (torch.NewDisposeScope())
        {
            var x = torch.ones([3]).requires_grad_();
            x.mul(x).sum().backward();
            Assert.NotNull(x.grad);
        }
        Assert.Equal(start, TensorStatistics.Live);
    }
}
