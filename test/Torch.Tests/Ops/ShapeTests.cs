namespace ModelZoo.Torch.Tests.Ops;

public class ShapeTests
{
    // 0 1 2
    // 3 4 5
    private static Tensor TwoByThree() => torch.arange(6, ScalarType.Float32).reshape(2, 3);

    [Fact]
    public void ReshapeKeepsRowMajorOrderAndInfersMinusOne()
    {
        Expect.Close(torch.arange(6, ScalarType.Float32).reshape(2, 3), [2, 3], [0, 1, 2, 3, 4, 5]);
        Expect.Close(TwoByThree().reshape(-1, 2), [3, 2], [0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void ReshapeOfANonContiguousTensorCopiesInLogicalOrder() =>
        Expect.Close(TwoByThree().transpose(0, 1).reshape(6), [6], [0, 3, 1, 4, 2, 5]);

    [Fact]
    public void ViewSharesStorage()
    {
        var x = TwoByThree();
        var v = x.view(3, 2);
        v.add_(10);
        Expect.Close(x, [2, 3], [10, 11, 12, 13, 14, 15]);
    }

    [Fact]
    public void ViewOfATransposedTensorIsRefused()
    {
        var error = Assert.Throws<TorchException>(() => TwoByThree().transpose(0, 1).view(6));
        Assert.Contains("view size is not compatible", error.Message);
    }

    [Fact]
    public void PermuteReordersDimensions()
    {
        var x = torch.arange(6, ScalarType.Float32).reshape(1, 2, 3);
        // out[k, 0, j] = x[0, j, k]
        Expect.Close(x.permute(2, 0, 1), [3, 1, 2], [0, 3, 1, 4, 2, 5]);
    }

    [Fact]
    public void TransposeIsAStridedViewUntilMadeContiguous()
    {
        var t = TwoByThree().transpose(0, 1);
        Assert.Equal([1L, 3], t.stride());
        Assert.False(t.is_contiguous());
        var c = t.contiguous();
        Assert.True(c.is_contiguous());
        Assert.Equal([2L, 1], c.stride());
        Expect.Close(c, [3, 2], [0, 3, 1, 4, 2, 5]);
    }

    [Fact]
    public void ChannelsLastPutsChannelsInnermostWithoutChangingValues()
    {
        var x = torch.arange(12, ScalarType.Float32).reshape(1, 2, 2, 3);
        Assert.Equal([12L, 6, 3, 1], x.stride());
        var nhwc = x.contiguous(MemoryFormat.ChannelsLast);
        // strides for N, C, H, W = (H W C, 1, W C, C)
        Assert.Equal([12L, 1, 6, 2], nhwc.stride());
        Assert.True(nhwc.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.False(nhwc.is_contiguous());
        Expect.Close(nhwc, [1, 2, 2, 3], Enumerable.Range(0, 12).Select(i => (double)i).ToArray());
        Assert.Equal([12L, 1, 6, 2], x.to(MemoryFormat.ChannelsLast).stride());
        Assert.Equal([12L, 6, 3, 1], nhwc.contiguous().stride());
    }

    [Fact]
    public void FlattenMergesARangeOfDimensions()
    {
        var x = torch.zeros([2, 3, 4]);
        Assert.Equal([24L], x.flatten().shape);
        Assert.Equal([2L, 12], x.flatten(1).shape);
        Assert.Equal([6L, 4], x.flatten(0, 1).shape);
        Expect.Close(TwoByThree().transpose(0, 1).flatten(), [6], [0, 3, 1, 4, 2, 5]);
    }

    [Fact]
    public void NarrowAndSliceSelectRanges()
    {
        var x = torch.arange(10, ScalarType.Float32);
        Expect.Close(x.narrow(0, 2, 3), [3], [2, 3, 4]);
        Expect.Close(x.slice(0, 1, 8, 3), [3], [1, 4, 7]);
        Expect.Close(TwoByThree().narrow(1, 1, 2), [2, 2], [1, 2, 4, 5]);
        Expect.Close(TwoByThree().select(1, 2), [2], [2, 5]);
    }

    [Fact]
    public void NarrowIsAViewOfTheSameStorage()
    {
        var x = torch.arange(5, ScalarType.Float32);
        x.narrow(0, 1, 2).fill_(-1);
        Expect.Close(x, [5], [0, -1, -1, 3, 4]);
    }

    [Fact]
    public void IndexSelectGathersAlongADimension()
    {
        Expect.Close(TwoByThree().index_select(1, torch.tensor(new long[] { 2, 0 })), [2, 2], [2, 0, 5, 3]);
        Expect.Close(TwoByThree().index_select(0, torch.tensor(new long[] { 1, 1, 0 })), [3, 3], [3, 4, 5, 3, 4, 5, 0, 1, 2]);
    }

    [Fact]
    public void GatherPicksAnIndexPerElement()
    {
        var x = torch.tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        var index = torch.tensor(new long[] { 0, 0, 1, 0 }, 2, 2);
        Expect.Close(x.gather(1, index), [2, 2], [1, 1, 4, 3]);
    }

    [Fact]
    public void StackJoinsAlongANewDimension()
    {
        var a = torch.tensor(new float[] { 1, 2 });
        var b = torch.tensor(new float[] { 3, 4 });
        Expect.Close(torch.stack([a, b]), [2, 2], [1, 2, 3, 4]);
        Expect.Close(torch.stack([a, b], 1), [2, 2], [1, 3, 2, 4]);
    }

    [Fact]
    public void OneHotEncodesLabels()
    {
        var labels = torch.tensor(new long[] { 0, 2, 1 });
        Expect.Exactly(F.one_hot(labels, 4), [3, 4], new long[] { 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0 });
        Assert.Equal([3L, 3], F.one_hot(labels).shape);
    }

    [Fact]
    public void CatJoinsAlongAnExistingDimension()
    {
        var a = torch.tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        Expect.Close(torch.cat([a, torch.tensor(new float[] { 5, 6 }, 1, 2)], 0), [3, 2], [1, 2, 3, 4, 5, 6]);
        Expect.Close(torch.cat([a, torch.tensor(new float[] { 7, 8 }, 2, 1)], 1), [2, 3], [1, 2, 7, 3, 4, 8]);
    }

    [Fact]
    public void SplitBySizeLeavesARemainder()
    {
        var parts = torch.arange(5, ScalarType.Float32).split(2);
        Assert.Equal(3, parts.Length);
        Expect.Close(parts[0], [2], [0, 1]);
        Expect.Close(parts[1], [2], [2, 3]);
        Expect.Close(parts[2], [1], [4]);
    }

    [Fact]
    public void SplitBySizesAlongADimension()
    {
        var parts = TwoByThree().split([1, 2], 1);
        Assert.Equal(2, parts.Length);
        Expect.Close(parts[0], [2, 1], [0, 3]);
        Expect.Close(parts[1], [2, 2], [1, 2, 4, 5]);
    }

    [Fact]
    public void ChunkMakesAtMostNEqualPieces()
    {
        var parts = torch.arange(5, ScalarType.Float32).chunk(3);
        Assert.Equal([2L, 2, 1], parts.Select(p => p.shape[0]));
        Expect.Close(parts[2], [1], [4]);
        var columns = TwoByThree().chunk(3, 1);
        Assert.Equal(3, columns.Length);
        Expect.Close(columns[1], [2, 1], [1, 4]);
        // Six elements in four chunks of ceil(6/4) = 2: only three come back.
        Assert.Equal(3, torch.arange(6).chunk(4).Length);
    }

    [Fact]
    public void FlipReversesTheGivenDimensions()
    {
        Expect.Close(TwoByThree().flip(1), [2, 3], [2, 1, 0, 5, 4, 3]);
        Expect.Close(TwoByThree().flip(0), [2, 3], [3, 4, 5, 0, 1, 2]);
        Expect.Close(TwoByThree().flip(0, 1), [2, 3], [5, 4, 3, 2, 1, 0]);
    }

    [Fact]
    public void ConstantPadIsLeftRightThenTopBottom()
    {
        var x = torch.tensor(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        Expect.Close(torch.nn.functional.pad(x, [1, 0, 0, 1], value: 9), [1, 1, 3, 3], [9, 1, 2, 9, 3, 4, 9, 9, 9]);
    }

    [Fact]
    public void ReflectAndReplicatePad()
    {
        var x = torch.tensor(new float[] { 1, 2, 3 }, 1, 1, 3);
        Expect.Close(torch.nn.functional.pad(x, [1, 1], PaddingMode.Reflect), [1, 1, 5], [2, 1, 2, 3, 2]);
        Expect.Close(torch.nn.functional.pad(x, [2, 1], PaddingMode.Replicate), [1, 1, 6], [1, 1, 1, 2, 3, 3]);
    }

    [Fact]
    public void UnsqueezeSqueezeAndExpand()
    {
        var x = torch.tensor(new float[] { 1, 2 });
        Assert.Equal([1L, 2], x.unsqueeze(0).shape);
        Assert.Equal([2L, 1], x.unsqueeze(-1).shape);
        Assert.Equal([2L], x.unsqueeze(0).squeeze(0).shape);
        Expect.Close(x.unsqueeze(0).expand(3, -1), [3, 2], [1, 2, 1, 2, 1, 2]);
    }
}
