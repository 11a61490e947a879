using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.Tests.Shared;
using TorchSharp;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>A folder with a truncated JPEG, a zero-byte PNG and a text file named .jpg: skipped and listed, or fatal.</summary>
[Collection(SerialTensorTests.Name)]
public sealed class BadImageTests : IDisposable
{
    private readonly BadImageFolder folder = new(goodPerClass: 8, Fixtures.PathOf("colour.jpg"));

    public void Dispose() => folder.Dispose();

    private ImageFolderDataset Dataset() => new(folder.Root, channels: 1);

    private (TinyNet Model, TrainingResult Result) Train(BadImagePolicy policy, int workers = 1)
    {
        var options = new TrainerOptions
        {
            Epochs = 2,
            BatchSize = 8,
            Optimizer = OptimizerKind.Adam,
            LearningRate = 0.01,
            Augmentation = Augmentation.None,
            Device = "cpu",
            Seed = 4,
            Workers = workers,
            BadImages = policy,
        };
        torch.random.manual_seed(options.Seed);
        var model = new TinyNet(classes: 2);
        try
        {
            return (model, new Trainer(options).Fit(model, Dataset(), Dataset(), LearnableData.Grey12));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    [Fact]
    public void SkipTrainsOnTheGoodImagesAndListsEveryBadOneEachEpoch()
    {
        var (model, result) = Train(BadImagePolicy.Skip);
        using var _ = model;

        Assert.Equal(2, result.History.Count);
        Assert.Equal(folder.BadFiles, result.SkippedImages.Select(image => image.Path).Order(StringComparer.Ordinal));
        Assert.All(result.SkippedImages, image => Assert.False(string.IsNullOrWhiteSpace(image.Reason)));
        Assert.DoesNotContain(result.SkippedImages, image => image.Reason.StartsWith(image.Path, StringComparison.Ordinal));
        // 19 files, batches of 8 without the last 3: the bad files met in training, then all three again in validation.
        foreach (var epoch in result.History)
            Assert.Equal(folder.BadFiles, epoch.SkippedImages.TakeLast(3).Select(image => image.Path).Order(StringComparer.Ordinal));
        Assert.Equal(16, result.Validation!.Count);
        Assert.All(result.History, epoch => Assert.True(double.IsFinite(epoch.TrainLoss)));
    }

    [Fact]
    public void SkippingIsTheSameForTheSameSeedWhateverTheLoaderThreads()
    {
        var (a, first) = Train(BadImagePolicy.Skip, workers: 0);
        var (b, second) = Train(BadImagePolicy.Skip, workers: 3);
        using (a)
        using (b)
        {
            Assert.Equal(first.History.SelectMany(h => h.SkippedImages), second.History.SelectMany(h => h.SkippedImages));
            Assert.Equal(first.History.Select(h => h.TrainLoss), second.History.Select(h => h.TrainLoss));
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(tensor.max_abs_diff(b.state_dict()[name]) == 0, $"'{name}' differs");
        }
    }

    [Fact]
    public void FailStopsTrainingNamingTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => Train(BadImagePolicy.Fail));

        Assert.Contains(folder.BadFiles, path => error.Message.StartsWith(path + ": ", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void TheLoaderLeavesBadExamplesOutOfTheirBatchAndReportsThemInOrder(int workers)
    {
        var dataset = Dataset();
        var loader = new DataLoader(dataset, LearnableData.Grey12, Augmentation.None,
            new LoaderOptions { BatchSize = 5, Workers = workers, BadImages = BadImagePolicy.Skip });
        List<string> skipped = [];
        loader.ImageSkipped += image => skipped.Add(image.Path);

        List<long> labels = [];
        foreach (var batch in loader.Epoch(0))
            using (batch)
                labels.AddRange(batch.Labels.data<long>());

        var paths = Enumerable.Range(0, dataset.Count).Select(dataset.GetPath).ToList();
        Assert.Equal(paths.Where(folder.BadFiles.Contains), skipped);
        Assert.Equal(paths.Select((path, i) => (path, i)).Where(x => !folder.BadFiles.Contains(x.path)).Select(x => (long)dataset.GetLabel(x.i)), labels);
    }

    [Fact]
    public void ALoaderWithNoReadableImageSaysSo()
    {
        var dataset = Dataset();
        var badOnly = new ImageDatasetSubset(dataset, Enumerable.Range(0, dataset.Count).Where(i => folder.BadFiles.Contains(dataset.GetPath(i))));
        var loader = new DataLoader(badOnly, LearnableData.Grey12, Augmentation.None, new LoaderOptions { BatchSize = 2, BadImages = BadImagePolicy.Skip });

        var error = Assert.Throws<InvalidDataException>(() => loader.Epoch(0).ToList());

        Assert.StartsWith("no image of the epoch can be read; the first: " + badOnly.GetPath(0), error.Message);
    }

    [Fact]
    public void EvaluationSkipsOnlyWhenAskedTo()
    {
        using var model = new TinyNet(classes: 2);
        List<SkippedImage> skipped = [];

        var metrics = Evaluator.Evaluate(model, Dataset(), LearnableData.Grey12, batchSize: 4, topK: 1, skipped: skipped);

        Assert.Equal(16, metrics.Count);
        Assert.Equal(folder.BadFiles, skipped.Select(image => image.Path).Order(StringComparer.Ordinal));
        Assert.Throws<InvalidDataException>(() => Evaluator.Evaluate(model, Dataset(), LearnableData.Grey12, batchSize: 4, topK: 1));
    }
}
