namespace ModelZoo.Pipelines.Data;

/// <summary>Splits a data set class by class, so each part keeps the class proportions.</summary>
public static class StratifiedSplit
{
    /// <summary>
    /// Shuffles each class's examples with <paramref name="seed"/>, then gives
    /// round(n × <paramref name="trainRatio"/>) of a class's n examples to Train,
    /// round(n × <paramref name="validationRatio"/>) to Validation and the rest to Test.
    /// The same seed gives the same split; each part lists its examples in data-set order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is outside [0, 1] or they add up to more than 1.</exception>
    public static DatasetSplit Split(this IImageDataset dataset, double trainRatio, int seed, double validationRatio = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(trainRatio > 0 && trainRatio <= 1))
            throw new ArgumentOutOfRangeException(nameof(trainRatio), trainRatio, "must be in (0, 1]");
        if (!(validationRatio >= 0 && validationRatio < 1) || trainRatio + validationRatio > 1 + 1e-9)
            throw new ArgumentOutOfRangeException(nameof(validationRatio), validationRatio,
                $"must be in [0, 1) and leave trainRatio {trainRatio} room");

        var random = new Random(seed);
        List<int> train = [], validation = [], test = [];
        foreach (var members in IndicesPerClass(dataset))
        {
            Shuffle(members, random);
            var trainCount = Portion(members.Count, trainRatio);
            var validationCount = Math.Min(Portion(members.Count, validationRatio), members.Count - trainCount);
            train.AddRange(members.Take(trainCount));
            validation.AddRange(members.Skip(trainCount).Take(validationCount));
            test.AddRange(members.Skip(trainCount + validationCount));
        }
        return new DatasetSplit(Subset(dataset, train), Subset(dataset, test), Subset(dataset, validation));
    }

    private static List<int>[] IndicesPerClass(IImageDataset dataset)
    {
        var perClass = new List<int>[dataset.ClassNames.Count];
        for (var c = 0; c < perClass.Length; c++) perClass[c] = [];
        for (var i = 0; i < dataset.Count; i++) perClass[dataset.GetLabel(i)].Add(i);
        return perClass;
    }

    // Rounding, not truncation: 30 × 0.7 is 20.999999999999996 in floating point.
    private static int Portion(int count, double ratio) =>
        (int)Math.Round(count * ratio, MidpointRounding.AwayFromZero);

    private static void Shuffle(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ImageDatasetSubset Subset(IImageDataset dataset, List<int> indices)
    {
        indices.Sort();
        return new ImageDatasetSubset(dataset, indices);
    }
}
