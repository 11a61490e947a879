using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Tests;

public class ImageDecoderTests
{
    [Theory]
    [InlineData("rgb8.png")]
    [InlineData("rgb16.png")] // low bytes are noise; the high bytes carry the gradient
    [InlineData("rgba8.png")] // alpha varies per column and must be dropped, not blended
    [InlineData("rgb.bmp")]
    [InlineData("rgb.gif")]
    [InlineData("rgb.webp")] // lossless WebP (VP8L)
    public void Lossless_colour_files_decode_to_the_exact_gradient(string name)
    {
        var image = ImageDecoder.Decode(Fixtures.PathOf(name), 3);

        Assert.Equal((Fixtures.Width, Fixtures.Height, 3), (image.Width, image.Height, image.Channels));
        for (var y = 0; y < Fixtures.Height; y++)
        {
            for (var x = 0; x < Fixtures.Width; x++)
                Assert.Equal(Fixtures.Rgb(x, y), (image[y, x, 0], image[y, x, 1], image[y, x, 2]));
        }
    }

    [Theory]
    [InlineData("grey8.png")]
    [InlineData("grey16.png")]
    [InlineData("greya8.png")] // alpha varies per column and must be dropped
    public void Grey_files_decode_to_the_exact_gradient_as_grey_and_as_rgb(string name)
    {
        var grey = ImageDecoder.Decode(Fixtures.PathOf(name), 1);
        var rgb = ImageDecoder.Decode(Fixtures.PathOf(name), 3);

        for (var y = 0; y < Fixtures.Height; y++)
        {
            for (var x = 0; x < Fixtures.Width; x++)
            {
                var expected = Fixtures.Grey(x, y);
                Assert.Equal(expected, grey[y, x, 0]);
                Assert.Equal((expected, expected, expected), (rgb[y, x, 0], rgb[y, x, 1], rgb[y, x, 2]));
            }
        }
    }

    [Fact]
    public void A_two_bit_palette_png_is_looked_up()
    {
        (byte, byte, byte)[] palette = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)];

        var image = ImageDecoder.Decode(Fixtures.PathOf("palette.png"), 3);

        for (var y = 0; y < Fixtures.Height; y++)
        {
            for (var x = 0; x < Fixtures.Width; x++)
                Assert.Equal(palette[(x + y) % 4], (image[y, x, 0], image[y, x, 1], image[y, x, 2]));
        }
    }

    [Fact]
    public void Colour_becomes_grey_with_pils_convert_L_weights()
    {
        var image = ImageDecoder.Decode(Fixtures.PathOf("rgb8.png"), 1);

        // PIL: Image.open("rgb8.png").convert("L") gives 41, 49, 58 on the first row:
        // (R * 19595 + G * 38470 + B * 7471 + 32768) >> 16 for (10, 15, 255), (50, 15, 225), (90, 15, 195).
        Assert.Equal(1, image.Channels);
        Assert.Equal([41, 49, 58], [image[0, 0, 0], image[0, 1, 0], image[0, 2, 0]]);
    }

    [Theory]
    [InlineData("colour.jpg")]
    [InlineData("cmyk.jpg")] // Adobe-inverted CMYK, converted as PIL converts it
    public void Colour_jpegs_decode_within_jpeg_tolerance(string name)
    {
        var image = ImageDecoder.Decode(Fixtures.PathOf(name), 3);

        Assert.Equal((16, 16, 3), (image.Width, image.Height, image.Channels));
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                var (r, g, b) = Fixtures.ColourQuadrants[y / 8 * 2 + x / 8];
                AssertClose(r, image[y, x, 0]);
                AssertClose(g, image[y, x, 1]);
                AssertClose(b, image[y, x, 2]);
            }
        }
    }

    [Fact]
    public void A_lossy_webp_decodes_within_tolerance_away_from_its_chroma_edges()
    {
        var image = ImageDecoder.Decode(Fixtures.PathOf("colour.webp"), 3);

        Assert.Equal((16, 16, 3), (image.Width, image.Height, image.Channels));
        foreach (var (x, y) in Fixtures.QuadrantCentres)
        {
            var (r, g, b) = Fixtures.ColourQuadrants[y / 8 * 2 + x / 8];
            AssertClose(r, image[y, x, 0]);
            AssertClose(g, image[y, x, 1]);
            AssertClose(b, image[y, x, 2]);
        }
    }

    [Fact]
    public void A_greyscale_jpeg_decodes_to_grey_and_to_replicated_rgb()
    {
        var grey = ImageDecoder.Decode(Fixtures.PathOf("grey.jpg"), 1);
        var rgb = ImageDecoder.Decode(Fixtures.PathOf("grey.jpg"), 3);

        foreach (var (x, y) in Fixtures.QuadrantCentres)
        {
            var expected = Fixtures.GreyQuadrants[y / 8 * 2 + x / 8];
            AssertClose(expected, grey[y, x, 0]);
            Assert.Equal((grey[y, x, 0], grey[y, x, 0], grey[y, x, 0]), (rgb[y, x, 0], rgb[y, x, 1], rgb[y, x, 2]));
        }
    }

    [Theory]
    [InlineData("rgb8.png", 6, 4, 3)]
    [InlineData("grey16.png", 6, 4, 1)]
    [InlineData("rgba8.png", 6, 4, 3)]
    [InlineData("greya8.png", 6, 4, 1)]
    [InlineData("colour.jpg", 16, 16, 3)]
    [InlineData("grey.jpg", 16, 16, 1)]
    [InlineData("rgb.bmp", 6, 4, 3)]
    [InlineData("rgb.webp", 6, 4, 3)]
    public void Info_reads_size_and_colour_from_the_header(string name, int width, int height, int channels)
    {
        Assert.Equal(new ImageInfo(width, height, channels), ImageDecoder.ReadInfo(Fixtures.PathOf(name)));
    }

    [Theory]
    [InlineData("empty.png", "", "empty image data (0 bytes)")]
    [InlineData("notes.jpg", "this is not an image\n", "not a JPEG, PNG, BMP, GIF or WebP image")]
    public void A_file_that_is_no_image_fails_naming_the_file(string name, string content, string reason)
    {
        using var folder = new TempDirectory();
        var path = folder.File(name);
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(path, 3));

        Assert.Equal($"{path}: {reason}", error.Message);
    }

    [Theory]
    [InlineData("rgb.tga")]
    [InlineData("grey.pgm")]
    public void Formats_other_than_the_accepted_ones_fail_naming_the_file_and_the_accepted_formats(string name)
    {
        var path = Fixtures.PathOf(name);

        Assert.Equal($"{path}: not a JPEG, PNG, BMP, GIF or WebP image", Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(path, 3)).Message);
        Assert.Equal($"{path}: not a JPEG, PNG, BMP, GIF or WebP image", Assert.Throws<InvalidDataException>(() => ImageDecoder.ReadInfo(path)).Message);
    }

    [Fact]
    public void A_truncated_jpeg_fails_naming_the_file()
    {
        using var folder = new TempDirectory();
        var path = folder.File("cut.jpg");
        var whole = File.ReadAllBytes(Fixtures.PathOf("colour.jpg"));
        File.WriteAllBytes(path, whole[..^10]);

        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(path, 3));

        Assert.Equal($"{path}: invalid JPEG data: premature end of data, the file is truncated", error.Message);
    }

    [Fact]
    public void A_truncated_png_fails_and_the_next_decode_still_works()
    {
        var whole = File.ReadAllBytes(Fixtures.PathOf("rgb8.png"));

        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(whole.AsSpan(0, 60), 3, "memory"));

        Assert.StartsWith("memory: invalid PNG data:", error.Message);
        Assert.Equal(Fixtures.Rgb(5, 3).R, ImageDecoder.Decode(whole, 3)[3, 5, 0]);
    }

    [Fact]
    public void A_forged_header_size_is_refused_before_allocating()
    {
        // A BMP header claiming 40000 x 40000 pixels, with no pixel data behind it (SkiaSharp's BMP reader
        // itself refuses sides over 65535, so this is the side limit's refusal, not SkiaSharp's).
        var header = new byte[54];
        "BM"u8.CopyTo(header);
        BitConverter.GetBytes(54).CopyTo(header, 10);     // pixel data offset
        BitConverter.GetBytes(40).CopyTo(header, 14);     // info header size
        BitConverter.GetBytes(40_000).CopyTo(header, 18); // width
        BitConverter.GetBytes(40_000).CopyTo(header, 22); // height
        BitConverter.GetBytes((short)1).CopyTo(header, 26);
        BitConverter.GetBytes((short)24).CopyTo(header, 28);

        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(header, 3, "huge.bmp"));

        Assert.Equal("huge.bmp: image size 40000x40000 is outside 1..32768 pixels per side", error.Message);
    }

    [Fact]
    public void Channels_other_than_grey_or_rgb_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageDecoder.Decode(File.ReadAllBytes(Fixtures.PathOf("rgb8.png")), 4));
    }

    private static void AssertClose(int expected, byte actual) =>
        Assert.InRange(actual, expected - 8, expected + 8);
}
