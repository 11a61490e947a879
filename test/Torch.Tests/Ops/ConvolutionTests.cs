namespace ModelZoo.Torch.Tests.Ops;

public class ConvolutionTests
{
    // 1 2 3
    // 4 5 6
    // 7 8 9
    private static Tensor OneToNine() => torch.tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 1, 1, 3, 3);

    [Fact]
    public void Conv2dCorrelatesWithoutFlippingAndAddsBias()
    {
        // out[i, j] = x[i, j] + 2 x[i, j+1] + 3 x[i+1, j] + 4 x[i+1, j+1] + 0.5
        var weight = torch.tensor(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        var bias = torch.tensor(new float[] { 0.5f }, 1);
        Expect.Close(F.conv2d(OneToNine(), weight, bias), [1, 1, 2, 2], [37.5, 47.5, 67.5, 77.5]);
    }

    [Fact]
    public void Conv2dStrideAndPaddingSumClippedNeighbourhoods()
    {
        var weight = torch.ones([1, 1, 3, 3]);
        var output = F.conv2d(OneToNine(), weight, stride: (2, 2), padding: (1, 1));
        // 3x3 sums around (0,0), (0,2), (2,0), (2,2), zero padding outside.
        Expect.Close(output, [1, 1, 2, 2], [1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9]);
    }

    [Fact]
    public void Conv2dStrideIsHeightThenWidth()
    {
        var input = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 1, 1, 2, 4);
        var output = F.conv2d(input, torch.ones([1, 1, 1, 2]), stride: (1, 2));
        Expect.Close(output, [1, 1, 2, 2], [3, 7, 11, 15]);
    }

    [Fact]
    public void Conv2dPaddingIsHeightThenWidth()
    {
        var input = torch.tensor(new float[] { 1, 2 }, 1, 1, 1, 2);
        var output = F.conv2d(input, torch.ones([1, 1, 1, 1]), padding: (1, 0));
        Expect.Close(output, [1, 1, 3, 2], [0, 0, 1, 2, 0, 0]);
    }

    [Fact]
    public void Conv2dDilationSpreadsTheKernel()
    {
        var ones = torch.ones([1, 1, 2, 2]);
        // Dilation 2 in both directions: the four corners.
        Expect.Close(F.conv2d(OneToNine(), ones, dilation: (2, 2)), [1, 1, 1, 1], [1 + 3 + 7 + 9]);
        // Dilation only along the width: columns 0 and 2 of rows (0,1) and (1,2).
        Expect.Close(F.conv2d(OneToNine(), ones, dilation: (1, 2)), [1, 1, 2, 1], [1 + 3 + 4 + 6, 4 + 6 + 7 + 9]);
    }

    [Fact]
    public void Conv2dGroupsKeepChannelGroupsApart()
    {
        var input = torch.tensor(new float[] { 1, 2, 3, 4 }, 1, 4, 1, 1);
        var weight = torch.tensor(new float[] { 1, 10, 100, 1000 }, 2, 2, 1, 1);
        // Group 0 sees channels (1, 2), group 1 channels (3, 4).
        Expect.Close(F.conv2d(input, weight, groups: 2), [1, 2, 1, 1], [1 + 20, 300 + 4000]);
    }

    [Fact]
    public void Conv2dDepthwiseWithChannelMultiplier()
    {
        var input = torch.tensor(new float[] { 10, 20 }, 1, 2, 1, 1);
        var weight = torch.tensor(new float[] { 1, 2, 3, 4 }, 4, 1, 1, 1);
        // Output channels 0,1 come from input channel 0; 2,3 from input channel 1.
        Expect.Close(F.conv2d(input, weight, groups: 2), [1, 4, 1, 1], [10, 20, 60, 80]);
    }

    [Fact]
    public void Conv2dDepthwise3x3WithPadding()
    {
        var input = torch.cat([OneToNine(), torch.ones([1, 1, 3, 3])], 1);
        var weight = torch.ones([2, 1, 3, 3]);
        var output = F.conv2d(input, weight, padding: (1, 1), groups: 2);
        Expect.Close(output, [1, 2, 3, 3],
        [
            12, 21, 16, 27, 45, 33, 24, 39, 28, // neighbourhood sums of 1..9
            4, 6, 4, 6, 9, 6, 4, 6, 4,          // neighbourhood sizes
        ]);
    }

    [Fact]
    public void LinearMultipliesByTheTransposedWeight()
    {
        var x = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var weight = torch.tensor(new float[] { 1, 2, 0, 0.5f, 0.5f, 0.5f }, 2, 3);
        var bias = torch.tensor(new float[] { 1, -1 }, 2);
        Expect.Close(F.linear(x, weight), [2, 2], [5, 3, 14, 7.5]);
        Expect.Close(F.linear(x, weight, bias), [2, 2], [6, 2, 15, 6.5]);
    }
}
