namespace ModelZoo.Torch.Tests.Ops;

public class InterpolateTests
{
    [Fact]
    public void NearestUpsamplingRepeatsPixels()
    {
        var input = torch.tensor(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        Expect.Close(F.interpolate(input, (4, 4)), [1, 1, 4, 4],
            [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    }

    [Fact]
    public void NearestDownsamplingTakesTheFloorOfTheSourcePosition()
    {
        var input = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 1, 1, 2, 4);
        // Source index floor(dst * 2) along the width; the height stays.
        Expect.Close(F.interpolate(input, (2, 2)), [1, 1, 2, 2], [1, 3, 5, 7]);
    }

    [Fact]
    public void NearestRefusesBilinearOnlyOptions()
    {
        var input = torch.ones([1, 1, 2, 2]);
        Assert.Throws<TorchException>(() => F.interpolate(input, (4, 4), align_corners: true));
        Assert.Throws<TorchException>(() => F.interpolate(input, (1, 1), antialias: true));
    }

    [Fact]
    public void BilinearUpsamplingWithHalfPixelCentres()
    {
        var input = torch.tensor(new float[] { 0, 4 }, 1, 1, 1, 2);
        // Source x = (dst + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, clamped to [0, 1].
        Expect.Close(F.interpolate(input, (1, 4), InterpolationMode.Bilinear), [1, 1, 1, 4], [0, 1, 3, 4]);
    }

    [Fact]
    public void BilinearUpsamplingWithAlignedCorners()
    {
        var input = torch.tensor(new float[] { 0, 4 }, 1, 1, 1, 2);
        // Source x = dst * (2 - 1) / (4 - 1).
        Expect.Close(F.interpolate(input, (1, 4), InterpolationMode.Bilinear, align_corners: true), [1, 1, 1, 4],
            [0, 4 / 3.0, 8 / 3.0, 4]);
    }

    [Fact]
    public void BilinearDownsamplingWithoutAntialiasSamplesTwoNeighbours()
    {
        var input = torch.tensor(new float[] { 0, 4, 8, 12 }, 1, 1, 1, 4);
        // Source x = (dst + 0.5) * 2 - 0.5 = 0.5 and 2.5.
        Expect.Close(F.interpolate(input, (1, 2), InterpolationMode.Bilinear), [1, 1, 1, 2], [2, 10]);
    }

    [Fact]
    public void BilinearDownsamplingWithAntialiasAveragesUnderAWiderTriangle()
    {
        var input = torch.tensor(new float[] { 0, 4, 8, 12 }, 1, 1, 1, 4);
        // Scale 2 stretches the triangle filter to support 2 around centres 1 and 3: the weights of
        // source pixels (centres 0.5, 1.5, 2.5) are 1 - |d| / 2 = (0.75, 0.75, 0.25), normalised
        // to (3, 3, 1) / 7; the second output mirrors that on pixels 1..3.
        Expect.Close(F.interpolate(input, (1, 2), InterpolationMode.Bilinear, antialias: true), [1, 1, 1, 2],
            [(3 * 0 + 3 * 4 + 1 * 8) / 7.0, (1 * 4 + 3 * 8 + 3 * 12) / 7.0], 1e-6);
    }

    [Fact]
    public void AntialiasDoesNotChangeUpsampling()
    {
        var input = torch.tensor(new float[] { 0, 4 }, 1, 1, 1, 2);
        Expect.Close(F.interpolate(input, (1, 4), InterpolationMode.Bilinear, antialias: true), [1, 1, 1, 4], [0, 1, 3, 4]);
    }
}
