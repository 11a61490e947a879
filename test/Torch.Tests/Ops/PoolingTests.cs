namespace ModelZoo.Torch.Tests.Ops;

public class PoolingTests
{
    //  1  5  2  0
    //  3  4  8  7
    //  9  2  6  1
    //  0 10  3 11
    private static Tensor Scrambled4x4() =>
        torch.tensor(new float[] { 1, 5, 2, 0, 3, 4, 8, 7, 9, 2, 6, 1, 0, 10, 3, 11 }, 1, 1, 4, 4);

    // 1 5 2
    // 3 4 8
    // 9 2 6
    private static Tensor Scrambled3x3() => torch.tensor(new float[] { 1, 5, 2, 3, 4, 8, 9, 2, 6 }, 1, 1, 3, 3);

    [Fact]
    public void MaxPoolTakesTheLargestOfEachWindow() =>
        Expect.Close(F.max_pool2d(Scrambled4x4(), (2, 2)), [1, 1, 2, 2], [5, 8, 10, 11]);

    [Fact]
    public void MaxPoolWithPaddingIgnoresThePadding() =>
        // Windows cover rows/columns {0}, {1, 2}, {3}.
        Expect.Close(F.max_pool2d(Scrambled4x4(), (2, 2), stride: (2, 2), padding: (1, 1)), [1, 1, 3, 3],
            [1, 5, 0, 9, 8, 7, 0, 10, 11]);

    [Fact]
    public void MaxPoolCeilModeKeepsThePartialWindows()
    {
        Expect.Close(F.max_pool2d(Scrambled3x3(), (2, 2)), [1, 1, 1, 1], [5]);
        Expect.Close(F.max_pool2d(Scrambled3x3(), (2, 2), ceil_mode: true), [1, 1, 2, 2], [5, 8, 9, 6]);
    }

    [Fact]
    public void AvgPoolAveragesEachWindow() =>
        Expect.Close(F.avg_pool2d(Scrambled4x4(), (2, 2)), [1, 1, 2, 2], [13 / 4.0, 17 / 4.0, 21 / 4.0, 21 / 4.0]);

    [Fact]
    public void AvgPoolCeilModeDividesPartialWindowsByTheirSize() =>
        Expect.Close(F.avg_pool2d(Scrambled3x3(), (2, 2), ceil_mode: true), [1, 1, 2, 2],
            [(1 + 5 + 3 + 4) / 4.0, (2 + 8) / 2.0, (9 + 2) / 2.0, 6]);

    [Fact]
    public void AvgPoolCountIncludePadDecidesTheDivisor()
    {
        // Every 2x2 window over the padded 4x4 covers exactly one real element.
        var input = torch.tensor(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        Expect.Close(F.avg_pool2d(input, (2, 2), padding: (1, 1), count_include_pad: true), [1, 1, 2, 2], [0.25, 0.5, 0.75, 1]);
        Expect.Close(F.avg_pool2d(input, (2, 2), padding: (1, 1), count_include_pad: false), [1, 1, 2, 2], [1, 2, 3, 4]);
    }

    [Fact]
    public void AdaptiveMaxPoolWithDividingAndOverlappingWindows()
    {
        Expect.Close(F.adaptive_max_pool2d(Scrambled4x4(), (2, 2)), [1, 1, 2, 2], [5, 8, 10, 11]);
        // 3 -> 2: windows [0, 2) and [1, 3) in each direction.
        Expect.Close(F.adaptive_max_pool2d(Scrambled3x3(), (2, 2)), [1, 1, 2, 2], [5, 8, 9, 8]);
    }

    [Fact]
    public void AdaptiveAvgPoolToOneIsTheGlobalMean()
    {
        var input = torch.arange(1, 10, 1, ScalarType.Float32).reshape(1, 1, 3, 3);
        Expect.Close(F.adaptive_avg_pool2d(input, (1, 1)), [1, 1, 1, 1], [5]);
    }

    [Fact]
    public void AdaptiveAvgPoolUsesOverlappingWindowsWhenSizesDoNotDivide()
    {
        // 3 -> 2: windows [0, 2) and [1, 3) in each direction.
        var input = torch.arange(1, 10, 1, ScalarType.Float32).reshape(1, 1, 3, 3);
        Expect.Close(F.adaptive_avg_pool2d(input, (2, 2)), [1, 1, 2, 2],
            [(1 + 2 + 4 + 5) / 4.0, (2 + 3 + 5 + 6) / 4.0, (4 + 5 + 7 + 8) / 4.0, (5 + 6 + 8 + 9) / 4.0]);
    }

    [Fact]
    public void AdaptiveAvgPoolOutputSizeIsHeightThenWidth()
    {
        var input = torch.arange(1, 17, 1, ScalarType.Float32).reshape(1, 1, 4, 4);
        Expect.Close(F.adaptive_avg_pool2d(input, (2, 1)), [1, 1, 2, 1], [4.5, 12.5]);
    }
}
