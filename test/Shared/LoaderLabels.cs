using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.Tests.Shared;

/// <summary>What a loader's epoch holds, in order: the tests of example order compare these.</summary>
internal static class LoaderLabels
{
    /// <summary>Every label of <paramref name="epoch"/>'s batches, in batch order; each batch is disposed once read.</summary>
    public static List<long> Of(DataLoader loader, int epoch)
    {
        List<long> labels = [];
        foreach (var batch in loader.Epoch(epoch))
            using (batch)
                labels.AddRange(batch.Labels.data<long>());
        return labels;
    }
}
