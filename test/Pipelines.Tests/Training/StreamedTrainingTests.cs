using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Tests.Shared;
using TorchSharp;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// Training on a data set read in order (<see cref="IExampleStream"/>): the loader reads no further ahead than the
/// stream's pool and its prefetched batches, every epoch has an order of its own, and the seed alone fixes the batches.
/// </summary>
[Collection(SerialTensorTests.Name)]
public sealed class StreamedTrainingTests
{
    private const int Pool = 16;
    private const int BatchSize = 8;
    private const int Prefetch = 3;

    private static DataLoader Loader(IExampleStream stream, int workers, int seed = 5) =>
        new(stream, LearnableData.Grey12, Augmentation.None, new LoaderOptions
        {
            BatchSize = BatchSize, Prefetch = Prefetch, Workers = workers, Shuffle = true, Seed = seed, BadImages = BadImagePolicy.Skip,
        });

    [Theory]
    [InlineData(0, Pool + BatchSize)]
    [InlineData(2, Pool + Prefetch * BatchSize)]
    public void ExamplesReadButNotYetTrainedOnStayWithinThePoolAndThePrefetchedBatches(int workers, int bound)
    {
        var stream = new CountingExampleStream(LearnableData.Create(200, 1), Pool);
        long consumed = 0, mostAhead = 0;
        stream.ExampleMade = made => InterlockedMax(ref mostAhead, made - Interlocked.Read(ref consumed));

        foreach (var batch in Loader(stream, workers).Epoch(1))
            using (batch)
            {
                Thread.Sleep(5); // a slow consumer: the loader would read on if nothing held it back
                Interlocked.Add(ref consumed, batch.Count);
            }

        Assert.Equal(200, consumed);
        Assert.InRange(mostAhead, Pool + BatchSize - 1, bound);
    }

    [Fact]
    public void EveryEpochHasAnOrderOfItsOwnAndTheSeedFixesIt()
    {
        var stream = new CountingExampleStream(LearnableData.Create(96, 1), Pool);

        var first = LoaderLabels.Of(Loader(stream, workers: 2), epoch: 1);

        Assert.Equal(LoaderLabels.Of(Loader(stream, workers: 0), epoch: 1), first);
        Assert.NotEqual(LoaderLabels.Of(Loader(stream, workers: 2), epoch: 2), first);
        Assert.NotEqual(LoaderLabels.Of(Loader(stream, workers: 2, seed: 6), epoch: 1), first);
        Assert.Equal(Enumerable.Range(0, 96).Select(i => (long)(i % 4)).Order(), first.Order());
    }

    [Fact]
    public void TrainingOnAStreamLearnsIsRepeatableAndSkipsWhatCannotBeRead()
    {
        var (a, first) = Train(workers: 2);
        var (b, second) = Train(workers: 0);
        using (a)
        using (b)
        {
            Assert.True(first.History[^1].TrainAccuracy > 0.8, $"accuracy {first.History[^1].TrainAccuracy}");
            Assert.Equal(["example 7", "example 90"], first.SkippedImages.Select(image => image.Path).Order(StringComparer.Ordinal));
            Assert.Equal("not an image", first.SkippedImages[0].Reason);
            Assert.Equal(first.History.Select(h => h.TrainLoss), second.History.Select(h => h.TrainLoss));
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(tensor.max_abs_diff(b.state_dict()[name]) == 0, $"'{name}' differs");
        }
    }

    private static (TinyNet Model, TrainingResult Result) Train(int workers)
    {
        var options = new TrainerOptions
        {
            Epochs = 4, BatchSize = 16, Optimizer = OptimizerKind.Adam, LearningRate = 0.01, Augmentation = Augmentation.None,
            Device = "cpu", Seed = 2, Workers = workers, PreciseBatchNormBatches = 3,
        };
        torch.random.manual_seed(options.Seed);
        var model = new TinyNet();
        return (model, new Trainer(options).Fit(model, new CountingExampleStream(LearnableData.Create(160, 1), Pool, 7, 90), null, LearnableData.Grey12));
    }


    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
