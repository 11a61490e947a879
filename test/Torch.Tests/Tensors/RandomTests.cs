namespace ModelZoo.Torch.Tests.Tensors;

public class RandomTests
{
    private static float[] Randn(ulong seed)
    {
        using var generator = new Generator(seed);
        return torch.randn([64], generator).data<float>();
    }

    [Fact]
    public void SameSeedSameDrawsDifferentSeedDifferentDraws()
    {
        Assert.Equal(Randn(1), Randn(1));
        Assert.NotEqual(Randn(1), Randn(2));
    }

    [Fact]
    public void EveryFactoryIsReproducibleFromItsGenerator()
    {
        static (float[], float[], long[], long[]) Draw(ulong seed)
        {
            using var g = new Generator(seed);
            return (torch.rand([16], g).data<float>(), torch.randn([16], g).data<float>(),
                torch.randint(0, 1000, [16], g).data<long>(), torch.randperm(16, g).data<long>());
        }
        var (rand1, randn1, randint1, randperm1) = Draw(5);
        var (rand2, randn2, randint2, randperm2) = Draw(5);
        var (rand3, randn3, randint3, randperm3) = Draw(6);
        Assert.Equal(rand1, rand2);
        Assert.Equal(randn1, randn2);
        Assert.Equal(randint1, randint2);
        Assert.Equal(randperm1, randperm2);
        Assert.NotEqual(rand1, rand3);
        Assert.NotEqual(randn1, randn3);
        Assert.NotEqual(randint1, randint3);
        Assert.NotEqual(randperm1, randperm3);
    }

    [Fact]
    public void ManualSeedRestartsTheStream()
    {
        using var g = new Generator(3);
        var first = torch.rand([8], g).data<float>();
        var second = torch.rand([8], g).data<float>();
        Assert.NotEqual(first, second);
        g.manual_seed(3);
        Assert.Equal(first, torch.rand([8], g).data<float>());
    }

    [Fact]
    public void GeneratorStateCanBeSavedAndRestored()
    {
        using var g = new Generator(9);
        var state = g.get_state();
        var first = torch.randn([8], g).data<float>();
        g.set_state(state);
        Assert.Equal(first, torch.randn([8], g).data<float>());
    }

    [Fact]
    public void ADisposedGeneratorCannotBeUsed()
    {
        var g = new Generator(1);
        g.Dispose();
        g.Dispose();
        Assert.Throws<ObjectDisposedException>(() => torch.rand([2], g));
    }

    [Fact]
    public void RandIsInTheUnitInterval()
    {
        using var g = new Generator(4);
        var values = torch.rand([10000], g, ScalarType.Float64).data<double>();
        Assert.All(values, v => Assert.True(v >= 0 && v < 1, $"{v} is outside [0, 1)"));
        // Mean 1/2, standard error 0.003.
        Assert.InRange(values.Average(), 0.48, 0.52);
    }

    [Fact]
    public void RandnIsStandardNormal()
    {
        using var g = new Generator(4);
        var values = torch.randn([20000], g, ScalarType.Float64).data<double>();
        var mean = values.Average();
        var std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(std, 0.97, 1.03);
    }

    [Fact]
    public void RandintStaysInItsHalfOpenRangeAndHitsEveryValue()
    {
        using var g = new Generator(4);
        var x = torch.randint(-2, 3, [1000], g, ScalarType.Int32);
        Assert.Equal(ScalarType.Int32, x.dtype);
        var values = x.data<int>();
        Assert.Equal(new[] { -2, -1, 0, 1, 2 }, values.Distinct().Order());
    }

    [Fact]
    public void RandpermIsAPermutation()
    {
        using var g = new Generator(4);
        var permutation = torch.randperm(50, g).data<long>();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), permutation.Order());
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (long)i), permutation);
    }

    [Fact]
    public void InPlaceDrawsFromAGenerator()
    {
        using var g = new Generator(8);
        var normal = torch.empty([5000], ScalarType.Float64).normal_(10, 2, g).data<double>();
        Assert.InRange(normal.Average(), 9.9, 10.1);
        var uniform = torch.empty([5000], ScalarType.Float64).uniform_(-3, -1, g).data<double>();
        Assert.All(uniform, v => Assert.InRange(v, -3, -1));
        var coins = torch.empty([5000]).bernoulli_(0.25, g).data<float>();
        Assert.All(coins, v => Assert.True(v is 0f or 1f));
        Assert.InRange(coins.Average(), 0.22, 0.28);
    }
}
