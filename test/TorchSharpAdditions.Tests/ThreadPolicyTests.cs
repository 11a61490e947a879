using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.TorchSharpAdditions.Tests;

[Collection(GlobalStateCollection.Name)]
public sealed class ThreadPolicyTests
{
    [Fact]
    public void ApplySetsLibtorchsIntraOpThreadsAndTheyStillCompute()
    {
        var previous = get_num_threads();
        try
        {
            Assert.Equal(1, ThreadPolicy.Apply(1));
            Assert.Equal(1, get_num_threads());
            Assert.Equal(2, ThreadPolicy.Apply(2));
            Assert.Equal(2, get_num_threads());
            using var values = arange(100, ScalarType.Float32);
            Assert.Equal(4950f, values.sum().item<float>());
        }
        finally
        {
            set_num_threads(previous);
        }
    }

    [Fact]
    public void TheEnvironmentChoosesTheDefault()
    {
        var previous = Environment.GetEnvironmentVariable("MODELZOO_THREADS");
        try
        {
            Environment.SetEnvironmentVariable("MODELZOO_THREADS", "3");
            Assert.Equal(3, ThreadPolicy.Recommended());
            Environment.SetEnvironmentVariable("MODELZOO_THREADS", "zero");
            Assert.Equal(Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { } omp && int.TryParse(omp, out var n) && n > 0
                ? n : Environment.ProcessorCount, ThreadPolicy.Recommended());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MODELZOO_THREADS", previous);
        }
    }

    [Fact]
    public void ANonPositiveCountIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadPolicy.Apply(0));
}
