namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>The test classes that share one trained Fashion-MNIST pipeline (trained once, tests run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class TrainedFashionCollection : ICollectionFixture<TrainedFashionFixture>
{
    public const string Name = "trained fashion pipeline";
}
