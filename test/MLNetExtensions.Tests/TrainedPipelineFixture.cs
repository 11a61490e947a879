using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>One pipeline trained once on a folder of PNGs and shared by the end-to-end tests (training is the slow part).</summary>
public sealed class TrainedPipelineFixture : IDisposable
{
    public const int PerClass = 60;
    /// <summary>Eight short epochs: after four, one thread instead of two left held-out accuracy at 0.78.</summary>
    public const int Epochs = 8;

    public TrainedPipelineFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mlnet-tests-").FullName;
        Context = new ModelZooContext(seed: 1, device: "cpu");
        var data = Context.Data.LoadFromImageFolder(Bars.WriteFolder(Path.Combine(Directory, "bars"), PerClass), channels: 1);
        Split = Context.Data.TrainTestSplit(data, testFraction: 0.25);
        var options = new MobileNetOptions
        {
            Version = 1,
            Width = 0.25,
            Epochs = Epochs,
            BatchSize = 16,
            ValidationSet = Split.TestSet,
            ProgressCallback = EpochCallbacks.Add,
            Progress = new Recorder(Reported),
        };
        Pipeline = Context.Transforms.ResizeImages(Bars.Side)
            .Append(Context.Transforms.NormalizeImages())
            .Append(Context.Transforms.RandomHorizontalFlip())
            .Append(Context.Transforms.RandomCrop(padding: 1))
            .Append(Context.Transforms.MobileNet(options));
        Model = Pipeline.Fit(Split.TrainSet);
        Predictions = (PredictionDataView)Model.Transform(Split.TestSet);
    }

    public string Directory { get; }
    public ModelZooContext Context { get; }
    public TrainTestData Split { get; }
    public EstimatorChain<ImageClassificationTransformer> Pipeline { get; }
    public TransformerChain<ImageClassificationTransformer> Model { get; }
    public PredictionDataView Predictions { get; }
    public List<EpochRecord> EpochCallbacks { get; } = [];
    public List<EpochRecord> Reported { get; } = [];

    public void Dispose()
    {
        Model.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to a thread-pool later).</summary>
    private sealed class Recorder(List<EpochRecord> records) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => records.Add(value);
    }
}
