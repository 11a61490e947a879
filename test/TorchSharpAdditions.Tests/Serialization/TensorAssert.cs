using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>Compares stored tensors by content (records compare their arrays by reference).</summary>
internal static class TensorAssert
{
    /// <summary>Same count, and pairwise the same name, type, shape and bytes.</summary>
    public static void Equal(IReadOnlyList<StoredTensor> expected, IReadOnlyList<StoredTensor> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach ((StoredTensor want, StoredTensor got) in expected.Zip(actual))
        {
            Assert.Equal(want.Name, got.Name);
            Assert.Equal(want.DType, got.DType);
            Assert.Equal(want.Shape, got.Shape);
            Assert.Equal(want.Data, got.Data);
        }
    }
}
