using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Reports;

/// <summary>
/// A small RGB raster for figures: rectangles, thick lines, discs, bitmap text and scaled images.
/// Everything is clipped to the canvas, so callers may draw partly outside it.
/// </summary>
public sealed class Canvas
{
    /// <summary>A <paramref name="width"/> × <paramref name="height"/> canvas filled with <paramref name="background"/> (white by default).</summary>
    public Canvas(int width, int height, Rgb? background = null)
    {
        Image = new Image(width, height, 3, new byte[width * height * 3]);
        FillRect(0, 0, width, height, background ?? Rgb.White);
    }

    /// <summary>The pixels drawn so far (RGB), ready for <see cref="ImageEncoder.SavePng"/>.</summary>
    public Image Image { get; }
    /// <summary>Width in pixels.</summary>
    public int Width => Image.Width;
    /// <summary>Height in pixels.</summary>
    public int Height => Image.Height;

    /// <summary>Sets one pixel; pixels outside the canvas are ignored.</summary>
    public void SetPixel(int x, int y, Rgb colour)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        var i = (y * Width + x) * 3;
        Image.Pixels[i] = colour.R;
        Image.Pixels[i + 1] = colour.G;
        Image.Pixels[i + 2] = colour.B;
    }

    /// <summary>The colour of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public Rgb GetPixel(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return new Rgb(Image.Pixels[i], Image.Pixels[i + 1], Image.Pixels[i + 2]);
    }

    /// <summary>Fills the rectangle with top-left (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void FillRect(int x, int y, int width, int height, Rgb colour)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + height); row++)
            for (var column = Math.Max(0, x); column < Math.Min(Width, x + width); column++)
                SetPixel(column, row, colour);
    }

    /// <summary>A straight line (Bresenham) drawn with a square pen <paramref name="thickness"/> pixels wide.</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rgb colour, int thickness = 1)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        var offset = (thickness - 1) / 2;
        while (true)
        {
            FillRect(x0 - offset, y0 - offset, thickness, thickness, colour);
            if (x0 == x1 && y0 == y1) return;
            var doubled = 2 * error;
            if (doubled >= dy) { error += dy; x0 += stepX; }
            if (doubled <= dx) { error += dx; y0 += stepY; }
        }
    }

    /// <summary>A filled disc centred on (<paramref name="cx"/>, <paramref name="cy"/>).</summary>
    public void FillCircle(int cx, int cy, int radius, Rgb colour)
    {
        for (var y = -radius; y <= radius; y++)
            for (var x = -radius; x <= radius; x++)
                if (x * x + y * y <= radius * radius) SetPixel(cx + x, cy + y, colour);
    }

    /// <summary>Draws <paramref name="text"/> in the 5×7 <see cref="BitmapFont"/>, each font pixel <paramref name="scale"/> × <paramref name="scale"/>, top-left at (x, y).</summary>
    public void DrawText(int x, int y, string text, Rgb colour, int scale = 1)
    {
        for (var i = 0; i < text.Length; i++)
            for (var column = 0; column < BitmapFont.GlyphWidth; column++)
                for (var row = 0; row < BitmapFont.GlyphHeight; row++)
                    if (BitmapFont.IsSet(text[i], column, row))
                        FillRect(x + (i * BitmapFont.Advance + column) * scale, y + row * scale, scale, scale, colour);
    }

    /// <summary>
    /// Draws <paramref name="source"/> into the <paramref name="width"/> × <paramref name="height"/> box at (x, y),
    /// nearest neighbour so that small images stay crisp; grey images stay grey and alpha is ignored.
    /// </summary>
    public void DrawImage(Image source, int x, int y, int width, int height)
    {
        var grey = source.Channels < 3;
        for (var row = 0; row < height; row++)
        {
            var sourceRow = row * source.Height / height;
            for (var column = 0; column < width; column++)
            {
                var i = (sourceRow * source.Width + column * source.Width / width) * source.Channels;
                var p = source.Pixels;
                SetPixel(x + column, y + row, grey ? new Rgb(p[i], p[i], p[i]) : new Rgb(p[i], p[i + 1], p[i + 2]));
            }
        }
    }
}
