using ModelZoo.Pipelines.Training;
using ModelZoo.Torch;
using ModelZoo.Torch.Optim;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>The channels-last default computes what NCHW computes: same loss and same weights after a step.</summary>
[Collection(SerialTensorTests.Name)]
public sealed class ChannelsLastTrainingTests
{
    [Theory]
    [InlineData("shufflenet_v1_g3_x0_5")]
    [InlineData("squeezenet1_1")]
    [InlineData("mobilenet_v2")]
    [InlineData("mobilenet_v3_small")]
    [InlineData("se_resnet18")]
    public void OneStepInEitherLayoutGivesTheSameLossAndWeights(string name)
    {
        (double loss, Dictionary<string, double[]> before, Dictionary<string, double[]> after) Step(MemoryFormat format)
        {
            torch.manual_seed(5);
            using var model = ModelRegistry.Default.Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
            model.to(format);
            model.train();
            Dictionary<string, double[]> Weights() => model.named_parameters().ToDictionary(p => p.name, p => p.parameter.to(ScalarType.Float64).data<double>());
            var before = Weights();
            using var optimizer = new SGD(model.parameters(), lr: 0.1, momentum: 0.9);
            var step = new TrainingStep(model, optimizer);
            using var scope = torch.NewDisposeScope();
            var input = torch.randn([4, 3, 32, 32]).contiguous(format);
            var target = torch.tensor(new long[] { 1, 7, 3, 0 }, 4);
            // Dropout draws from the same seeded stream in both layouts.
            torch.manual_seed(6);
            var output = step.Run(input, target);
            return (output.Loss, before, Weights());
        }

        var (plainLoss, start, plain) = Step(MemoryFormat.Contiguous);
        var (lastLoss, _, last) = Step(MemoryFormat.ChannelsLast);
        Assert.Equal(plainLoss, lastLoss, 1e-4);
        // Summation order differs between the layouts' kernels, and batch norm over 4 tiny images amplifies
        // rounding (PyTorch itself: float32 vs float64 first-conv gradients of mobilenet_v2 at 32 px differ by
        // 1%). So compare updates as a whole, relative to their size: a wrong layout would be off by ~100%.
        double totalUpdate = 0, totalDifference = 0;
        foreach (var (key, expected) in plain)
        {
            var update = expected.Zip(start[key], (e, s) => (e - s) * (e - s)).Sum();
            var difference = expected.Zip(last[key], (e, a) => (e - a) * (e - a)).Sum();
            totalUpdate += update;
            totalDifference += difference;
            Assert.True(Math.Sqrt(difference) <= 5e-2 * Math.Max(Math.Sqrt(update), 1e-3),
                $"{name}: the update of '{key}' (size {Math.Sqrt(update)}) differs by {Math.Sqrt(difference)} in channels-last");
        }
        Assert.True(Math.Sqrt(totalDifference) <= 1e-2 * Math.Sqrt(totalUpdate),
            $"{name}: the whole update (size {Math.Sqrt(totalUpdate)}) differs by {Math.Sqrt(totalDifference)} in channels-last");
    }
}
