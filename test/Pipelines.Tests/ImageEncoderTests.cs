using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Tests;

public class ImageEncoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Png_round_trips_exactly(int channels)
    {
        var pixels = new byte[7 * 5 * channels];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 % 256);
        var original = new Image(7, 5, channels, pixels);

        var decoded = ImageDecoder.Decode(ImageEncoder.EncodePng(original), channels);

        Assert.Equal((7, 5), (decoded.Width, decoded.Height));
        Assert.Equal(pixels, decoded.Pixels);
    }

    [Fact]
    public void Rgba_png_keeps_colour_when_read_back_as_rgb()
    {
        byte[] rgba = [10, 20, 30, 0, 40, 50, 60, 128, 70, 80, 90, 255];

        var decoded = ImageDecoder.Decode(ImageEncoder.EncodePng(new Image(3, 1, 4, rgba)), 3);

        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90], decoded.Pixels);
    }

    [Fact]
    public void SavePng_writes_a_file_the_decoder_reads_back()
    {
        using var folder = new TempDirectory();
        var path = folder.File("grid.png");
        var image = new Image(2, 2, 3, [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]);

        ImageEncoder.SavePng(image, path);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
        Assert.Equal(new ImageInfo(2, 2, 3), ImageDecoder.ReadInfo(path));
        Assert.Equal(image.Pixels, ImageDecoder.Decode(path, 3).Pixels);
    }

    [Fact]
    public void An_image_whose_pixels_do_not_match_its_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Image(2, 2, 3, new byte[11]));
    }
}
