using System.Buffers.Binary;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Testing;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.Pipelines.Tests.Fuzzing;

/// <summary>
/// Damaged images of every format ImageDecoder reads either decode or fail with an
/// <see cref="InvalidDataException"/>; SkiaSharp's native codecs never crash the process or hang.
/// </summary>
public sealed class ImageDecoderFuzzTests
{
    [Theory]
    [InlineData("jpeg", 101)]
    [InlineData("png", 102)]
    [InlineData("bmp", 103)]
    [InlineData("gif", 104)]
    [InlineData("webp", 107)]
    public void Damaged_images_decode_or_fail_with_InvalidDataException(string format, int seed)
    {
        byte[][] originals = Originals(format);
        foreach (var original in originals) Decode(original);
        Func<Random, byte[]> input = format == "png"
            // Half the PNGs get their chunk checksums fixed, so damage behind a chunk's CRC reaches libpng's decoder.
            ? random => random.Next(2) == 0 ? RepairPngChecksums(Fuzzer.Mutate(originals, random)) : Fuzzer.Mutate(originals, random)
            : random => Fuzzer.Mutate(originals, random);

        var (accepted, refused) = Fuzzer.Run(seed, input, Decode, typeof(InvalidDataException));

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void A_small_file_declaring_a_huge_image_is_refused_before_decoding()
    {
        // A 6x4 BMP whose header now says 30000 x 20000 (600 million pixels, 1.8 GB) in 134 bytes, and a
        // GIF whose screen says 10000 x 10000 (100 million pixels, under the limit) in a few hundred.
        var bmp = File.ReadAllBytes(Fixtures.PathOf("rgb.bmp"));
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 30000);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 20000);
        var gif = GifOnScreen(10000, 10000);

        Assert.Contains("30000x20000 is 600000000 pixels, more than the limit of 178956970", Refused(bmp));
        Assert.Equal($"GIF header declares 10000x10000 pixels, more than {gif.Length} bytes can hold; the file is truncated or its header is damaged", Refused(gif));
    }

    [Theory]
    [InlineData("colour.jpg")]
    [InlineData("progressive.jpg")]
    [InlineData("rgb8.png")]
    [InlineData("rgb.bmp")]
    [InlineData("rgb.gif")]
    [InlineData("rgb.webp")]
    public void An_image_cut_short_is_refused_rather_than_decoded_black(string name)
    {
        var whole = File.ReadAllBytes(Fixtures.PathOf(name));

        Assert.StartsWith("invalid ", Refused(whole[..(whole.Length * 3 / 4)]));
    }

    [Fact]
    public void A_gif_frame_smaller_than_its_screen_leaves_zeros_not_stale_memory()
    {
        // Leave freed, non-zero pixel buffers of the same size behind, then decode a 64x64 GIF whose only
        // frame covers its top-left 6x4 pixels.
        var grey = ImageEncoder.EncodePng(new Image(64, 64, 3, [.. Enumerable.Repeat((byte)0xAB, 64 * 64 * 3)]));
        for (var i = 0; i < 8; i++) ImageDecoder.Decode(grey, 3);

        var image = ImageDecoder.Decode(GifOnScreen(64, 64), 3);

        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var expected = x < Fixtures.Width && y < Fixtures.Height ? Fixtures.Rgb(x, y) : ((byte)0, (byte)0, (byte)0);
                Assert.Equal(expected, (image[y, x, 0], image[y, x, 1], image[y, x, 2]));
            }
        }
    }

    /// <summary>The 6x4 GIF fixture with its logical screen (the image's size) changed; its one frame stays 6x4 at the top left.</summary>
    private static byte[] GifOnScreen(int width, int height)
    {
        var gif = File.ReadAllBytes(Fixtures.PathOf("rgb.gif"));
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), (ushort)height);
        return gif;
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
        "webp" => Files("rgb.webp", "colour.webp"),
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
