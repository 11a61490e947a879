namespace ModelZoo.MLNetExtensions;

/// <summary>A data set split in two, as ML.NET's <c>DataOperationsCatalog.TrainTestData</c>.</summary>
/// <param name="TrainSet">The examples to train on.</param>
/// <param name="TestSet">The held-out examples.</param>
public sealed record TrainTestData(ImageDataView TrainSet, ImageDataView TestSet);
