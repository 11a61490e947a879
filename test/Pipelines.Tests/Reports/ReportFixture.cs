using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Training;
using OxyPlot;

namespace ModelZoo.Pipelines.Tests.Reports;

/// <summary>A three-architecture report on three classes whose metrics come from hand-made predictions.</summary>
internal static class ReportFixture
{
    public static readonly string[] Classes = ["cat", "dog", "bird"];

    // Eight test images: two cats, two dogs, four birds.
    public static readonly int[] Labels = [0, 0, 1, 1, 2, 2, 2, 2];

    /// <summary>
    /// ML.NET's metrics for predictions where the predicted class gets probability 0.8 and the other two 0.1 each,
    /// so a right answer costs −ln 0.8 and a wrong one −ln 0.1. A wrong answer's true class ties with the third class;
    /// ML.NET ranks tied classes by index, so its top-2 counts the wrong answer only when the true class has the lower index.
    /// </summary>
    public static MulticlassClassificationMetrics Metrics(params int[] predicted)
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Labels.Zip(predicted, (label, guess) => new ScoredRow
        {
            Label = Classes[label],
            PredictedLabel = Classes[guess],
            Score = [.. Enumerable.Range(0, 3).Select(c => c == guess ? 0.8f : 0.1f)],
        });
        var keys = mlContext.Data.LoadFromEnumerable(Classes.Select(name => new ClassName { Label = name }));
        var scored = mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: keys)
            .Append(mlContext.Transforms.Conversion.MapValueToKey("PredictedLabel", keyData: keys))
            .Fit(mlContext.Data.LoadFromEnumerable(rows)).Transform(mlContext.Data.LoadFromEnumerable(rows));
        return mlContext.MulticlassClassification.Evaluate(scored, topKPredictionCount: 2);
    }

    private sealed class ScoredRow
    {
        public string Label { get; set; } = "";

        public string PredictedLabel { get; set; } = "";

        [VectorType(3)]
        public float[] Score { get; set; } = [];
    }

    private sealed class ClassName
    {
        public string Label { get; set; } = "";
    }

    /// <summary>Three epochs with falling loss and rising accuracy, shifted by <paramref name="offset"/> per architecture.</summary>
    public static IReadOnlyList<EpochRecord> History(double offset) =>
    [
        .. Enumerable.Range(1, 3).Select(epoch => new EpochRecord
        {
            Epoch = epoch,
            TrainLoss = 2.0 / epoch + offset,
            TrainAccuracy = 0.3 + 0.15 * epoch - offset / 10,
            ValidationLoss = 2.2 / epoch + offset,
            ValidationAccuracy = 0.25 + 0.15 * epoch - offset / 10,
            ValidationTopKAccuracy = 0.6 + 0.1 * epoch,
            LearningRate = 0.1 / epoch,
            Seconds = 10 + epoch,
            ImagesPerSecond = 400 + epoch,
        }),
    ];

    /// <summary>
    /// A result as the comparison makes one, with the test rows of its most-confused pairs; a fixed latency per
    /// architecture so that the Pareto fronts and the recommendation have something to choose between.
    /// </summary>
    public static ArchitectureResult Result(string name, string family, long parameters, long macs, double latencyMs, double offset, params int[] predicted)
    {
        var metrics = Metrics(predicted);
        return new ArchitectureResult
        {
            Architecture = name,
            Family = family,
            Recipe = family == "SqueezeNet" ? "adamw lr 0.003, batch 128" : "adamw lr 0.004, batch 128",
            Parameters = parameters,
            Macs = macs,
            ModelFileBytes = parameters * 4 + 1234,
            TrainSeconds = 33.21,
            TrainImagesPerSecond = 401.5,
            InferenceLatencyMs = latencyMs,
            InferenceImagesPerSecond = 1250,
            Top1 = metrics.MicroAccuracy,
            TopK = metrics.TopKAccuracy,
            K = metrics.TopKPredictionCount,
            LogLoss = metrics.LogLoss,
            History = History(offset),
            Metrics = metrics,
            ConfusedExamples = ConfusedPairExamples.Collect(Labels.Zip(predicted), ConfusedPair.MostConfused(metrics.ConfusionMatrix.Counts)),
        };
    }

    /// <summary>
    /// Test image <paramref name="index"/>: a flat 16 × 16 square in <see cref="ExampleColour"/>(index), so each example
    /// can be told apart in a rendered page.
    /// </summary>
    public static Image ExampleImage(int index)
    {
        var colour = ExampleColour(index);
        return new Image(16, 16, 3, [.. Enumerable.Range(0, 16 * 16).SelectMany(_ => new[] { colour.R, colour.G, colour.B })]);
    }

    /// <summary>Colours no chart uses: magenta-ish, varying by test row.</summary>
    public static OxyColor ExampleColour(int index) => OxyColor.FromRgb(0xff, (byte)(index * 20), 0xff);

    /// <summary><paramref name="result"/> with the images of its confused examples read from the test set, as the comparison does for the best model.</summary>
    public static ArchitectureResult WithImages(ArchitectureResult result) => result with
    {
        ConfusedExamples = [.. result.ConfusedExamples.Select(e => e with { Images = [.. e.TestIndices.Select(ExampleImage)] })],
    };

    /// <summary>
    /// squeezenet1_1 gets 4/8 right in 2 ms, mobilenet_v2 6/8 (the best, with example images) in 5 ms, and a family name
    /// that needs escaping 3/8 in 4 ms: slower and less accurate than squeezenet1_1, so off the latency front, but the
    /// smallest, so on the parameters front.
    /// </summary>
    public static ComparisonReport Create() => new()
    {
        Title = "CIFAR-3 <smoke> comparison",
        DataSource = "cifar10:/data/cifar",
        Classes = Classes,
        TrainCount = 5000,
        TestCount = 8,
        InputSize = 32,
        Epochs = 3,
        Seed = 42,
        CreatedUtc = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc),
        Machine = "2 cores, libtorch 1.13.0",
        Results =
        [
            Result("squeezenet1_1", "SqueezeNet", 1_235_496, 349_152_000, 2.0, 0.3, 0, 1, 1, 0, 2, 0, 2, 1),
            WithImages(Result("mobilenet_v2", "MobileNet", 3_504_872, 300_774_272, 5.0, 0.0, 0, 0, 1, 0, 2, 2, 2, 1)),
            Result("weird_net", "A|B <v2> & co", 950, 12_000, 4.0, 0.6, 0, 2, 1, 0, 2, 1, 0, 1),
        ],
    };
}
