namespace ModelZoo.Torch.Tests.Tensors;

// The default generator is shared by the whole process.
[Collection(GlobalStateCollection.Name)]
public class DefaultGeneratorTests
{
    [Fact]
    public void ManualSeedMakesDefaultDrawsReproducible()
    {
        torch.manual_seed(123);
        var first = torch.randn([16]).data<float>();
        torch.manual_seed(123);
        Assert.Equal(first, torch.randn([16]).data<float>());
        torch.manual_seed(124);
        Assert.NotEqual(first, torch.randn([16]).data<float>());
    }

    [Fact]
    public void ManualSeedAlsoDrivesInitialisers()
    {
        torch.manual_seed(5);
        var first = torch.nn.init.kaiming_uniform_(torch.empty([4, 4])).data<float>();
        torch.manual_seed(5);
        Assert.Equal(first, torch.nn.init.kaiming_uniform_(torch.empty([4, 4])).data<float>());
    }

    [Fact]
    public void RngStateCanBeSavedAndRestored()
    {
        var state = torch.get_rng_state();
        Assert.Equal(ScalarType.Byte, state.dtype);
        var first = torch.rand([16]).data<float>();
        torch.set_rng_state(state);
        Assert.Equal(first, torch.rand([16]).data<float>());
    }

    [Fact]
    public void AnExplicitGeneratorDoesNotAdvanceTheDefaultOne()
    {
        var state = torch.get_rng_state();
        using (var g = new Generator(1)) torch.randn([100], g);
        var afterOwnGenerator = torch.rand([4]).data<float>();
        torch.set_rng_state(state);
        Assert.Equal(afterOwnGenerator, torch.rand([4]).data<float>());
    }
}
