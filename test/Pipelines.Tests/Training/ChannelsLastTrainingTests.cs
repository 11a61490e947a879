using ModelZoo.Pipelines.Training;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

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
        (double loss, Dictionary<string, double[]> before, Dictionary<string, double[]> after) Step(MemoryFormat format, ScalarType dtype)
        {
            torch.random.manual_seed(5);
            // No dropout: libtorch draws a float64 mask from other random numbers than a float32 one (64-bit
            // uniforms), so the float64 reference could not drop what the float32 runs drop.
            using var model = ModelRegistry.Default.Create(name, new ModelOptions { NumClasses = 10, InputSize = 32, Dropout = 0 });
            model.to(dtype);
            model.to(format);
            model.train();
            Dictionary<string, double[]> Weights()
            {
                using var scope = torch.NewDisposeScope();
                return model.named_parameters().ToDictionary(p => p.name, p => p.parameter.to(ScalarType.Float64).data<double>().ToArray());
            }
            var before = Weights();
            using var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9);
            var step = new TrainingStep(model, optimizer);
            using var scope = torch.NewDisposeScope();
            torch.random.manual_seed(7);
            var input = torch.randn([4, 3, 32, 32]).to(dtype).to(format);
            var target = torch.tensor(new long[] { 1, 7, 3, 0 });
            var output = step.Run(input, target);
            return (output.Loss, before, Weights());
        }

        // Float32 results differ from each other by rounding, which batch norm over 4 tiny images amplifies
        // (PyTorch itself: float32 vs float64 first-conv gradients of mobilenet_v2 at 32 px differ by 1%). So the
        // reference is the float64 NCHW step, and channels-last must be about as close to it as NCHW is.
        var (exactLoss, start, exact) = Step(MemoryFormat.Contiguous, ScalarType.Float64);
        var (plainLoss, _, plain) = Step(MemoryFormat.Contiguous, ScalarType.Float32);
        var (lastLoss, _, last) = Step(MemoryFormat.ChannelsLast, ScalarType.Float32);
        Assert.Equal(exactLoss, plainLoss, 1e-4);
        Assert.Equal(exactLoss, lastLoss, 1e-4);
        double Error(Dictionary<string, double[]> weights) =>
            Math.Sqrt(exact.Sum(p => p.Value.Zip(weights[p.Key], (e, a) => (e - a) * (e - a)).Sum()));
        var update = Math.Sqrt(exact.Sum(p => p.Value.Zip(start[p.Key], (e, s) => (e - s) * (e - s)).Sum()));
        var plainError = Error(plain);
        var lastError = Error(last);
        // libtorch's channels-last kernels round somewhat differently (PyTorch 1.13's own resnet18 here: 2.5x
        // the NCHW error), but both stay within a few percent of the update; a wrong layout (a channel mix-up,
        // a lost gradient) would be off by about the size of the update.
        Assert.True(lastError <= Math.Max(10 * plainError, 1e-3 * update) && lastError <= 0.05 * update,
            $"{name}: channels-last is {lastError} from the float64 update (size {update}), NCHW float32 is {plainError}");
    }
}
