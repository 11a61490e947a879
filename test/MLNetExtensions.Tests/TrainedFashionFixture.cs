using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>One short MobileNetV1-0.25 run on 1500 Fashion-MNIST images, shared by the tests that need a trained pipeline.</summary>
public sealed class TrainedFashionFixture : IDisposable
{
    public TrainedFashionFixture()
    {
        Context = new MLContext(seed: 1);
        Context.Log += (_, e) => { lock (Log) Log.Add(e.Message); };
        Train = FashionRow.Load(Context, train: true, 1500);
        Test = FashionRow.Load(Context, train: false, 300);
        var pipeline = Context.Transforms.Conversion.MapValueToKey("Label")
            .Append(Context.MulticlassClassification.Trainers.MobileNet(version: 1, width: 0.25, epochs: 2, batchSize: 32))
            .Append(Context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        Model = pipeline.Fit(Train);
    }

    public MLContext Context { get; }
    public List<string> Log { get; } = [];
    public IDataView Train { get; }
    public IDataView Test { get; }
    public ITransformer Model { get; }

    public void Dispose()
    {
        foreach (var transformer in (IEnumerable<ITransformer>)Model)
            (transformer as IDisposable)?.Dispose();
    }
}
