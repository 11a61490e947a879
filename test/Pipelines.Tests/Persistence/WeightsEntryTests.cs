using ModelZoo.Pipelines.Persistence;
using ModelZoo.Zoo;

namespace ModelZoo.Pipelines.Tests.Persistence;

/// <summary>The model zip's weights entry: a round trip keeps every byte, and any flipped byte is refused.</summary>
public sealed class WeightsEntryTests
{
    private static byte[] Written(out Dictionary<string, byte[]> expected)
    {
        using var model = ModelRegistry.Default.Create("mobilenet_v1_x0_25", new ModelOptions { NumClasses = 3, InputSize = 32 });
        expected = model.state_dict().ToDictionary(p => "model." + p.Key, p => p.Value.contiguous().bytes.ToArray());
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) WeightsEntry.Write(model, writer);
        return stream.ToArray();
    }

    private static List<TorchSharpAdditions.Serialization.StoredTensor> Read(byte[] entry)
    {
        using var reader = new BinaryReader(new MemoryStream(entry));
        return WeightsEntry.Read(reader, entry.Length);
    }

    [Fact]
    public void ARoundTripKeepsEveryTensorByteForByte()
    {
        var entry = Written(out var expected);

        var records = Read(entry);

        Assert.Equal(expected.Keys.Order(), records.Select(r => r.Name).Order());
        Assert.All(records, r => Assert.Equal(expected[r.Name], r.Data));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(0.999)]
    public void AFlippedBitInTheWeightsIsACorruptedFile(double where)
    {
        var entry = Written(out _);
        entry[(int)(entry.Length * where)] ^= 0x10;

        var error = Assert.Throws<InvalidDataException>(() => Read(entry));

        Assert.Equal("the weights' checksum does not match; the file is corrupted", error.Message);
    }
}
