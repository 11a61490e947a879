using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Prediction;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using TorchSharp;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// Long runs do not accumulate tensors: the live count is the same after every training step and back at its
/// baseline after every prediction. Work done on one thread is held to TorchSharp's per-thread count, which a
/// tensor left to the finalizer never leaves. Where loader threads build batches that another thread frees, the
/// count is TorchSharp's process-wide one (so these tests run alone), which also counts a tensor a
/// <c>Parameter</c> was made from as live for good: none is made there.
/// </summary>
[Collection(SerialTensorTests.Name)]
public sealed class LiveTensorTests
{
    [Fact]
    public void TheLiveCountIsTheSameAtEveryStepAndAfterEveryEpoch()
    {
        var options = new TrainerOptions
        {
            Epochs = 3,
            BatchSize = 16,
            Optimizer = OptimizerKind.Sgd,
            LearningRate = 0.05,
            Augmentation = Augmentation.Parse("crop=2,hflip,erase=0.5"),
            EmaDecay = 0.9,
            GradientClipNorm = 1.0,
            PreciseBatchNormBatches = 4,
            Device = "cpu",
            Seed = 3,
            // Batches built on the training thread (validation's too), so every tensor is counted on it.
            Workers = 0,
        };
        List<long> atSteps = [];
        List<long> atEpochs = [];
        torch.random.manual_seed(options.Seed);
        using var model = new TinyNet();
        var trainer = new Trainer(options);
        trainer.StepCompleted += _ => atSteps.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        trainer.EpochCompleted += _ => atEpochs.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        trainer.Fit(model, LearnableData.Create(160, 1), LearnableData.Create(48, 2), LearnableData.Grey12);

        Assert.Equal(30, atSteps.Count);
        // Step 1 creates the momentum buffers; from then on every step ends where the one before ended.
        Assert.All(atSteps.Skip(1), live => Assert.Equal(atSteps[1], live));
        Assert.All(atEpochs, live => Assert.Equal(atEpochs[0], live));
    }

    [Fact]
    public void LeavingAnEpochEarlyFreesTheBatchesBuiltAhead()
    {
        // Precise BN reads a few batches and stops: the batch in the queue and the one waiting for room must be freed.
        var loader = new DataLoader(LearnableData.Create(64, 1), LearnableData.Grey12, Augmentation.None,
            new LoaderOptions { BatchSize = 4, Workers = 2, Prefetch = 1 });
        FinalizeEarlierGarbage();
        var baseline = torch.Tensor.TotalCount;

        foreach (var batch in loader.Epoch(0))
        {
            using (batch) Thread.Sleep(300); // time for the workers to fill the queue and build one more
            break;
        }

        Assert.Equal(baseline, torch.Tensor.TotalCount);
    }

    [Fact]
    public void EveryPredictionReturnsToTheBaseline()
    {
        torch.random.manual_seed(5);
        using var trained = new TrainedModel(new TinyNet(), LearnableData.Quadrants, LearnableData.Grey12);
        var predictor = new Predictor(trained);
        var random = new Random(2);
        Image RandomImage(int size, int channels)
        {
            var pixels = new byte[size * size * channels];
            random.NextBytes(pixels);
            return new Image(size, size, channels, pixels);
        }

        DisposeScopeManager.Statistics.Reset();
        for (var call = 0; call < 5; call++)
        {
            // Sizes and channels vary, and 70 images make a full batch of 64 and a partial one.
            var images = Enumerable.Range(0, 70).Select(i => RandomImage(10 + i % 7, i % 2 == 0 ? 1 : 3)).ToList();
            var predictions = predictor.Predict(images, topK: 2);
            Assert.Equal(70, predictions.Count);
            Assert.Equal(0, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
    }

    /// <summary>Tensors earlier tests left to the finalizer would otherwise be freed, and counted, in the middle of these.</summary>
    private static void FinalizeEarlierGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
