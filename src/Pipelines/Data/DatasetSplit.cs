namespace ModelZoo.Pipelines.Data;

/// <summary>Disjoint parts of one data set, as <see cref="StratifiedSplit"/> makes them.</summary>
/// <param name="Train">The training examples.</param>
/// <param name="Test">The test examples: everything not in Train or Validation.</param>
/// <param name="Validation">The validation examples; empty when no validation ratio was asked for.</param>
public sealed record DatasetSplit(ImageDatasetSubset Train, ImageDatasetSubset Test, ImageDatasetSubset Validation);
