using System.Buffers.Binary;
using System.Text;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Testing;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.Pipelines.Tests.Fuzzing;

/// <summary>
/// Damaged images of every format libmzimage reads either decode or fail with an
/// <see cref="InvalidDataException"/>; the native codecs never crash the process or hang.
/// </summary>
public sealed class ImageDecoderFuzzTests
{
    [Theory]
    [InlineData("jpeg", 101)]
    [InlineData("png", 102)]
    [InlineData("bmp", 103)]
    [InlineData("gif", 104)]
    [InlineData("tga", 105)]
    [InlineData("pnm", 106)]
    public void Damaged_images_decode_or_fail_with_InvalidDataException(string format, int seed)
    {
        byte[][] originals = Originals(format);
        foreach (var original in originals) Decode(original);
        Func<Random, byte[]> input = format == "png"
            // Half the PNGs get their chunk checksums fixed, so damage behind a chunk's CRC reaches libspng's decoder.
            ? random => random.Next(2) == 0 ? RepairPngChecksums(Fuzzer.Mutate(originals, random)) : Fuzzer.Mutate(originals, random)
            : random => Fuzzer.Mutate(originals, random);

        var (accepted, refused) = Fuzzer.Run(seed, input, Decode, typeof(InvalidDataException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void A_small_file_declaring_a_huge_image_is_refused_before_decoding()
    {
        // A 6x4 BMP whose header now says 30000 x 20000 (600 million pixels, 1.8 GB) in 134 bytes, and a
        // PGM of 100 million pixels (under the limit) in 22.
        var bmp = File.ReadAllBytes(Fixtures.PathOf("rgb.bmp"));
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 30000);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 20000);
        var pgm = Encoding.ASCII.GetBytes("P5\n10000 10000\n255\n\x01\x02\x03");

        Assert.Contains("30000x20000 is 600000000 pixels, more than the limit of 178956970", Refused(bmp));
        Assert.Equal("PNM header declares 10000x10000 pixels, more than 22 bytes can hold; the file is truncated or its header is damaged", Refused(pgm));
    }

    [Fact]
    public void A_truncated_pnm_is_refused_rather_than_decoded_black()
    {
        var header = "P5\n# comment\n64 64\n255\n";
        var whole = Encoding.Latin1.GetBytes(header + new string('\x07', 64 * 64));

        Assert.All(ImageDecoder.Decode(whole, 1).Pixels, value => Assert.Equal(7, value));
        Assert.Equal("PNM data is truncated: 64x64 pixels need 4119 bytes, the file has 4118", Refused(whole[..^1]));
    }

    [Fact]
    public void A_truncated_tga_decodes_its_missing_rows_as_zeros_not_stale_memory()
    {
        // Leave freed, non-zero pixel buffers of the same size behind, then decode a TGA missing its last row.
        var tga = Tga(64, 64, 0xAB);
        for (var i = 0; i < 8; i++) ImageDecoder.Decode(tga, 1);

        var image = ImageDecoder.Decode(tga[..^1], 1);

        Assert.All(image.Pixels[..^64], value => Assert.Equal(0xAB, value));
        Assert.All(image.Pixels[^64..], value => Assert.Equal(0, value));
    }

    /// <summary>An uncompressed 8-bit grey TGA (image type 3), rows stored top first.</summary>
    private static byte[] Tga(int width, int height, byte value)
    {
        byte[] header = [0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 8, 0x20];
        return [.. header, .. Enumerable.Repeat(value, width * height)];
    }

    private static string Refused(byte[] bytes) => Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(bytes, 3)).Message;

    private static void Decode(byte[] bytes)
    {
        var channels = bytes.Length % 2 == 0 ? 1 : 3;
        var image = ImageDecoder.Decode(bytes, channels, "fuzz");
        Assert.Equal(channels, image.Channels);
        var info = ImageDecoder.ReadInfo(bytes, "fuzz");
        Assert.Equal((image.Width, image.Height), (info.Width, info.Height));
    }

    private static byte[][] Originals(string format) => format switch
    {
        "jpeg" => Files("colour.jpg", "grey.jpg", "cmyk.jpg", "progressive.jpg"),
        "png" => [.. Files("rgb8.png", "grey8.png", "rgba8.png", "palette.png", "rgb16.png", "grey16.png"), EncodedPng()],
        "bmp" => Files("rgb.bmp"),
        "gif" => Files("rgb.gif"),
        "tga" => Files("rgb.tga"),
        "pnm" => [.. Files("grey.pgm"), Encoding.Latin1.GetBytes("P6\n# two by three\n2 3\n255\n" + new string('\x50', 18))],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static byte[][] Files(params string[] names) => [.. names.Select(name => File.ReadAllBytes(Fixtures.PathOf(name)))];

    private static byte[] EncodedPng() =>
        ImageEncoder.EncodePng(new Image(9, 7, 4, [.. Enumerable.Range(0, 9 * 7 * 4).Select(i => (byte)(i * 37))]));

    /// <summary>Recomputes the CRC of every whole chunk (length, type, data, CRC) after the 8-byte signature.</summary>
    private static byte[] RepairPngChecksums(byte[] png)
    {
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12) break;
            var crc = new Crc32();
            crc.Append(png.AsSpan(at + 4, 4 + (int)length));
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + (int)length), crc.Value);
            at += 12 + (int)length;
        }
        return png;
    }
}
