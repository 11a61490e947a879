using ModelZoo.Tests.Shared;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Training reads its rows through cursors every epoch: on data that cannot shuffle, no more rows are held than the
/// shuffle pool and the loader's prefetched batches; the order changes every epoch, and the seed alone fixes it.
/// </summary>
[Collection(SerialTraining.Name)]
public sealed class StreamingTests
{
    private const int Pool = 24;
    private const int BatchSize = 8;
    private const int Prefetch = 3;

    private readonly MLContext ml = new(seed: 1);

    private ImageClassifierTrainer.Options Options(int epochs = 1, BadImagePolicy badImages = BadImagePolicy.Skip) => new()
    {
        Architecture = "mobilenet_v1_x0_25",
        Epochs = epochs,
        BatchSize = 16,
        LearningRate = 0.05,
        InputSize = GeneratedPngView.Side,
        ShufflePoolRows = Pool,
        BadImages = badImages,
        Device = "cpu",
    };

    /// <summary>The rows of <paramref name="view"/> as training reads them, and a loader set as the trainer sets its own.</summary>
    private DataLoader Loader(IDataView view, int seed = 3)
    {
        var host = ((IHostEnvironment)ml).Register(nameof(StreamingTests));
        using var channel = host.Start(nameof(StreamingTests));
        var feature = view.Schema["Features"];
        var stream = DataViewExampleStream.Open(host, view, Options(), ImageInput.FromColumn(feature, null, null, null), ["dark", "bright"], channel);
        return new DataLoader(stream, new Preprocessing { InputSize = GeneratedPngView.Side }, Augmentation.None, new LoaderOptions
        {
            BatchSize = BatchSize, Prefetch = Prefetch, Workers = 2, Shuffle = true, Seed = seed,
        });
    }

    [Fact]
    public void Rows_read_but_not_yet_trained_on_stay_within_the_pool_and_the_prefetched_batches()
    {
        var view = new GeneratedPngView(300);
        long consumed = 0, mostAhead = 0;
        view.ImageEncoded = encoded =>
        {
            var ahead = encoded - Interlocked.Read(ref consumed);
            if (ahead > Interlocked.Read(ref mostAhead)) Interlocked.Exchange(ref mostAhead, ahead); // only the reading thread writes it
        };

        var loader = Loader(view);
        Assert.Equal(0, view.Encoded); // counting the rows read the labels alone
        foreach (var batch in loader.Epoch(1))
            using (batch)
            {
                Thread.Sleep(5); // a slow consumer: the loader would read on if nothing held it back
                Interlocked.Add(ref consumed, batch.Count);
            }

        Assert.Equal(300, consumed);
        Assert.Equal(300, view.Encoded);
        Assert.InRange(mostAhead, Pool + BatchSize - 1, Pool + Prefetch * BatchSize);
    }

    [Fact]
    public void Every_epoch_reads_the_rows_in_an_order_of_its_own_that_the_seed_fixes()
    {
        var view = new GeneratedPngView(120);

        var first = LoaderLabels.Of(Loader(view), epoch: 1);

        Assert.Equal(LoaderLabels.Of(Loader(view), epoch: 1), first);
        Assert.NotEqual(LoaderLabels.Of(Loader(view), epoch: 2), first);
        Assert.NotEqual(LoaderLabels.Of(Loader(view, seed: 4), epoch: 1), first);
        Assert.Equal(60, first.Count(label => label == 1));
    }

    [Fact]
    public void A_view_that_cannot_shuffle_trains_by_streaming_and_the_seed_fixes_the_weights()
    {
        const int rows = 192, epochs = 3;
        var view = new GeneratedPngView(rows);

        using var first = ml.MulticlassClassification.Trainers.ImageClassifier(Options(epochs)).Fit(view);
        var encodedByOneFit = view.Encoded;
        using var second = new MLContext(seed: 1).MulticlassClassification.Trainers.ImageClassifier(Options(epochs)).Fit(view);

        // Nothing is kept between epochs: every epoch encodes every row again.
        Assert.True(encodedByOneFit >= epochs * rows, $"{encodedByOneFit} images encoded in {epochs} epochs of {rows} rows");
        var scores = first.Transform(view).GetColumn<float[]>("Score").ToList();
        Assert.Equal(scores.SelectMany(s => s), second.Transform(view).GetColumn<float[]>("Score").SelectMany(s => s));
        var predicted = first.Transform(view).GetColumn<uint>("PredictedLabel").ToList();
        var accuracy = predicted.Select((key, row) => key == row % 2 + 1).Count(right => right) / (double)rows;
        Assert.True(accuracy >= 0.75, $"training accuracy {accuracy}");
    }

    [Fact]
    public void An_unreadable_row_is_named_when_training_stops_and_left_out_when_skipping()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ml.MulticlassClassification.Trainers.ImageClassifier(Options(badImages: BadImagePolicy.Fail)).Fit(new GeneratedPngView(48, 5)));
        Assert.StartsWith("row 5 of column 'Features': ", error.Message);

        using var skipping = ml.MulticlassClassification.Trainers.ImageClassifier(Options()).Fit(new GeneratedPngView(48, 5));
        Assert.Equal(["dark", "bright"], skipping.ClassNames);
    }
}
