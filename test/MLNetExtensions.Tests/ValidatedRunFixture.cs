using Microsoft.ML;
using ModelZoo.Pipelines.Training;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// One short run on the bars, split by <c>mlContext.Data.TrainTestSplit</c>, validating on the test rows after every
/// epoch and reporting to both callbacks and the MLContext's log; shared by the tests that look at what it reported.
/// </summary>
public sealed class ValidatedRunFixture : IDisposable
{
    public const int Epochs = 3;
    public const int PerClass = 24;

    public ValidatedRunFixture()
    {
        Context = new MLContext(seed: 1);
        Context.Log += (_, e) => { lock (Log) Log.Add(e.Message); };
        var split = Context.Data.TrainTestSplit(BarRow.Load(Context, PerClass), testFraction: 0.25, seed: 1);
        // The validation rows go through the same fitted key mapping as the training rows, as ML.NET's own
        // ImageClassification trainer asks of its validation set.
        var keys = Context.Transforms.Conversion.MapValueToKey(nameof(BarRow.Label)).Fit(split.TrainSet);
        Train = keys.Transform(split.TrainSet);
        Test = keys.Transform(split.TestSet);
        var options = BarRow.SmallRun(Epochs);
        options.ValidationSet = Test;
        options.ProgressCallback = Callbacks.Add;
        options.Progress = new Recorder(Reported);
        Model = Context.MulticlassClassification.Trainers.ImageClassifier(options).Fit(Train);
    }

    public MLContext Context { get; }
    public IDataView Train { get; }
    public IDataView Test { get; }
    public ImageClassifierTransformer Model { get; }
    public List<string> Log { get; } = [];
    public List<EpochRecord> Callbacks { get; } = [];
    public List<EpochRecord> Reported { get; } = [];

    public void Dispose() => Model.Dispose();

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to the thread pool, later).</summary>
    private sealed class Recorder(List<EpochRecord> records) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => records.Add(value);
    }
}
