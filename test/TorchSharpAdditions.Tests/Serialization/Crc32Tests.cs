using System.Text;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

public sealed class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)] // the CRC-32 check value
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void MatchesZlib(string text, uint expected)
    {
        var crc = new Crc32();
        crc.Append(Encoding.ASCII.GetBytes(text));

        Assert.Equal(expected, crc.Value);
    }

    [Fact]
    public void PiecesGiveTheSameChecksumAsTheWhole()
    {
        byte[] data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 31 + 7)).ToArray();
        var whole = new Crc32();
        whole.Append(data);

        var pieces = new Crc32();
        int[] cuts = [0, 1, 3, 8, 9, 100, 511, 1000];
        for (int i = 0; i + 1 < cuts.Length; i++)
            pieces.Append(data.AsSpan(cuts[i]..cuts[i + 1]));

        Assert.Equal(whole.Value, pieces.Value);
    }
}
