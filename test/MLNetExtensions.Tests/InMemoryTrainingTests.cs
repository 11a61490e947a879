namespace ModelZoo.MLNetExtensions.Tests;

public sealed class InMemoryTrainingTests
{
    [Fact]
    public void SameSeed_SameModel_AndTheWidthMultiplierReachesTheNetwork()
    {
        float[][] Train()
        {
            var ctx = new ModelZooContext(seed: 3, device: "cpu");
            var data = ctx.Data.LoadFromDataset(TinyData.Make(perClass: 8));
            using var model = ctx.Transforms.RandomVerticalFlip()
                .Append(ctx.Transforms.MobileNet(version: 2, width: 0.25, epochs: 1, batchSize: 8))
                .Fit(data);
            Assert.Equal(0.25, model.LastTransformer.ModelOptions.WidthMultiplier);
            Assert.Equal(1, model.LastTransformer.TrainingHistory.Single().Epoch);
            return [.. ((PredictionDataView)model.Transform(data)).Select(row => row.Score)];
        }

        var first = Train();
        var second = Train();
        Assert.Equal(24, first.Length);
        for (var i = 0; i < first.Length; i++) Assert.Equal(first[i], second[i]);
    }
}
