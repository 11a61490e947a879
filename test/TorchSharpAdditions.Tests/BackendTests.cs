using System.Text;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.TorchSharpAdditions.Tests;

/// <summary>
/// TorchSharp's native backend loads here (on Debian 12 only through the compatibility library the build adds)
/// and computes: a convolution with values worked out by hand.
/// </summary>
public sealed class BackendTests
{
    [Fact]
    public void AConvolutionGivesTheValuesWorkedOutByHand()
    {
        // 1 image, 1 channel, 3×3 holding 1..9; a 2×2 kernel [[1, 0], [0, -1]] and bias 0.5: out = x[i,j] − x[i+1,j+1] + 0.5.
        using var input = arange(1, 10, ScalarType.Float32).reshape(1, 1, 3, 3);
        using var weight = tensor(new float[] { 1, 0, 0, -1 }).reshape(1, 1, 2, 2);
        using var bias = tensor(new float[] { 0.5f });
        using var output = nn.functional.conv2d(input, weight, bias);
        Assert.Equal([1L, 1, 2, 2], output.shape);
        Assert.Equal(new float[] { -3.5f, -3.5f, -3.5f, -3.5f }, output.data<float>().ToArray());
    }

    [Fact]
    public void InfoReportsLibtorch210OnTheCpuBackend()
    {
        var info = TorchInfo.Current();
        Assert.StartsWith("2.10.", info.LibTorch);
        Assert.Equal("0.107.0", info.TorchSharp);
        Assert.Equal(cuda.is_available() ? "cuda" : "cpu", info.Backend);
        Assert.EndsWith("libLibTorchSharp.so", info.NativeLibrary);
        Assert.Equal(get_num_threads(), info.Threads);
    }

    /// <summary>The compatibility library is loaded exactly where the process's libstdc++ lacks GCC 13's version.</summary>
    [Fact]
    public void TheCompatibilityLibraryIsLoadedExactlyWhereLibstdcxxIsOlderThanGcc13s()
    {
        if (!OperatingSystem.IsLinux()) return;
        _ = TorchInfo.Current();
        var libstdcxx = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : "")
            .First(path => Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal));
        var hasGcc13Version = File.ReadAllBytes(libstdcxx).AsSpan().IndexOf("GLIBCXX_3.4.32"u8) >= 0;
        Assert.Equal(!hasGcc13Version, TorchInfo.Current().CompatibilityLibrary);
    }
}
