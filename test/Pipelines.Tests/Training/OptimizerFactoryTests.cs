using ModelZoo.Pipelines.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// <see cref="OptimizerFactory"/> hands TorchSharp's optimizers (checked against torch.optim in
/// TorchSharpAdditions.Tests) the settings and parameter groups a PyTorch user would: matrices and kernels with
/// weight decay, norms and biases without it (timm's rule), every trainable parameter exactly once.
/// </summary>
public sealed class OptimizerFactoryTests
{
    [Fact]
    public void SgdGetsTheOptionsAndNoDecayOnOneDimensionalParameters()
    {
        using var model = new TinyNet();
        using var optimizer = OptimizerFactory.Create(model, new TrainerOptions
        {
            Optimizer = OptimizerKind.Sgd, LearningRate = 0.2, Momentum = 0.8, Nesterov = true, WeightDecay = 1e-3,
        });

        var groups = Assert.IsType<SGD>(optimizer).ParamGroups.Cast<SGD.ParamGroup>().ToList();
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Equal((0.2, 0.8, true, 0.0), (g.LearningRate, g.Momentum, g.Options.nesterov!.Value, g.Options.dampening!.Value)));
        Assert.Equal([1e-3, 0], groups.Select(g => g.Options.weight_decay!.Value));
        Assert.Equal(["conv.weight", "fc.weight"], Names(model, groups[0].Parameters));
        Assert.Equal(["bn.weight", "bn.bias", "fc.bias"], Names(model, groups[1].Parameters));
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, typeof(Adam))]
    [InlineData(OptimizerKind.AdamW, typeof(AdamW))]
    public void WithDecayEverywhereTheParametersFormOneGroup(OptimizerKind kind, Type expected)
    {
        using var model = new TinyNet();
        using var optimizer = OptimizerFactory.Create(model, new TrainerOptions
        {
            Optimizer = kind, LearningRate = 3e-3, WeightDecay = 0.05, NoDecayOnNormAndBias = false,
        });

        Assert.IsType(expected, optimizer);
        var group = Assert.Single(optimizer.ParamGroups.Cast<ParamGroup>());
        Assert.Equal(3e-3, group.LearningRate);
        var decay = group.Options switch
        {
            Adam.Options adam => adam.weight_decay,
            AdamW.Options adamW => adamW.weight_decay,
            _ => null,
        };
        Assert.Equal(0.05, decay);
        Assert.Equal(model.named_parameters().Select(p => p.name), Names(model, group.Parameters));
    }

    [Fact]
    public void TheScheduleSetsEveryGroupsRate()
    {
        using var model = new TinyNet();
        using var optimizer = OptimizerFactory.Create(model, new TrainerOptions { Optimizer = OptimizerKind.AdamW });

        OptimizerFactory.SetLearningRate(optimizer, 0.125);

        Assert.Equal(2, optimizer.ParamGroups.Count());
        Assert.All(optimizer.ParamGroups, g => Assert.Equal(0.125, g.LearningRate));
    }

    private static string[] Names(nn.Module model, IEnumerable<Parameter> parameters)
    {
        var names = model.named_parameters().ToDictionary(p => p.parameter.Handle, p => p.name);
        return [.. parameters.Select(p => names[p.Handle])];
    }
}
