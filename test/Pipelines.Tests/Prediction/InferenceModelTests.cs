using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Tests.Training;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using ModelZoo.Zoo.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Tests.Prediction;

[Collection(SerialTensorTests.Name)]
public sealed class InferenceModelTests
{
    public static TheoryData<string> Names => new(ModelRegistry.Default.List().Select(e => e.Name));

    /// <summary>Batch norms with statistics and affine values far from the identity, so folding has work to do.</summary>
    private static ClassificationModel TrainedLooking(string name)
    {
        torch.random.manual_seed(3);
        var model = ModelRegistry.Default.Create(name, new ModelOptions { NumClasses = 10, InputSize = 32 });
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            if (module is not BatchNorm2d bn) continue;
            bn.running_mean.copy_(torch.randn(bn.running_mean.shape).mul(0.2));
            bn.running_var.uniform_(0.5, 2);
            bn.weight.uniform_(0.5, 1.5);
            bn.bias.copy_(torch.randn([bn.Features]).mul(0.2));
        }
        return model;
    }

    [Theory, MemberData(nameof(Names))]
    public void FoldedChannelsLastCopyGivesThePlainModelsLogits(string name)
    {
        using var model = TrainedLooking(name);
        var batchNorms = model.named_modules().Count(m => m.module is BatchNorm2d);
        using var input = torch.randn([2, 3, 32, 32]);
        model.eval();
        using var inference = torch.inference_mode();
        using var expected = model.call(input);

        using (var prepared = InferenceModel.Prepare(model, CPU, MemoryFormat.ChannelsLast))
        {
            // Every batch norm in the zoo follows a convolution directly: all of them fold.
            Assert.Equal(batchNorms, prepared.FoldedBatchNorms);
            using var actual = prepared.call(input);
            using var difference = actual.sub(expected).abs().max();
            using var scale = expected.abs().max();
            Assert.True(difference.item<float>() <= 1e-4f * Math.Max(1, scale.item<float>()),
                $"{name}: folded logits differ by {difference.item<float>()} (largest logit {scale.item<float>()})");
        }
        // The trained model itself is untouched: same logits, and no batch norm folded.
        using var again = model.call(input);
        Assert.Equal(expected.data<float>().ToArray(), again.data<float>().ToArray());
        Assert.DoesNotContain(model.named_modules(), m => m.module is BatchNorm2d { IsFolded: true });
    }

    [Fact]
    public void TrainingModeComesBackAfterTheInferenceModelIsDisposed()
    {
        using var model = TrainedLooking("mobilenet_v3_small");
        model.train();
        using (InferenceModel.Prepare(model, CPU)) Assert.False(model.training);
        Assert.True(model.training);
    }

    [Fact]
    public void PreparingLeavesTheGlobalRandomStreamWhereItWas()
    {
        using var model = TrainedLooking("shufflenet_v1_g3_x0_5");
        torch.random.manual_seed(11);
        using var expected = torch.randn([4]);
        torch.random.manual_seed(11);
        using (InferenceModel.Prepare(model, CPU)) { }
        using var actual = torch.randn([4]);
        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
    }
}
