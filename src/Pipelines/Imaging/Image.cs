namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// An 8-bit image stored as Height × Width × Channels bytes (HWC, interleaved), rows top to
/// bottom: 1 channel is grey, 3 are RGB, 2 and 4 add alpha.
/// </summary>
public sealed class Image
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied) after checking its length.</summary>
    /// <exception cref="ArgumentException">The length is not width × height × channels.</exception>
    public Image(int width, int height, int channels, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 4);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height * channels)
            throw new ArgumentException(
                $"{width}x{height}x{channels} image needs {(long)width * height * channels} bytes, got {pixels.LongLength}",
                nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Values per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }

    /// <summary>The values, HWC: pixel (x, y) starts at (y × Width + x) × Channels.</summary>
    public byte[] Pixels { get; }

    /// <summary>One value: row <paramref name="y"/>, column <paramref name="x"/>, channel <paramref name="channel"/>.</summary>
    public byte this[int y, int x, int channel]
    {
        get
        {
            if ((uint)y >= (uint)Height || (uint)x >= (uint)Width || (uint)channel >= (uint)Channels)
                throw new ArgumentOutOfRangeException(
                    null, $"({y}, {x}, {channel}) is outside a {Height}x{Width}x{Channels} image");
            return Pixels[(y * Width + x) * Channels + channel];
        }
    }
}
