using ModelZoo.Pipelines.Imaging;
using OxyPlot;

namespace ModelZoo.Pipelines.Tests.Reports;

/// <summary>Colour checks on rendered charts, with room for anti-aliasing, which blends the edges of lines and text.</summary>
internal static class ChartPixels
{
    private const int Tolerance = 8;

    public static bool IsNear(Image image, int x, int y, OxyColor colour) =>
        Math.Abs(image[y, x, 0] - colour.R) <= Tolerance && Math.Abs(image[y, x, 1] - colour.G) <= Tolerance && Math.Abs(image[y, x, 2] - colour.B) <= Tolerance;

    /// <summary>Pixels in columns <paramref name="fromX"/>..<paramref name="toX"/> (exclusive) close to <paramref name="colour"/>.</summary>
    public static int CountNear(Image image, OxyColor colour, int fromX, int toX)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
            for (var x = fromX; x < toX; x++)
                if (IsNear(image, x, y, colour)) count++;
        return count;
    }

    /// <summary>Whether a pixel within <paramref name="radius"/> of <paramref name="point"/> is close to <paramref name="colour"/>.</summary>
    public static bool IsDrawnAround(Image image, ScreenPoint point, OxyColor colour, int radius = 1)
    {
        int cx = (int)Math.Round(point.X), cy = (int)Math.Round(point.Y);
        for (var y = cy - radius; y <= cy + radius; y++)
            for (var x = cx - radius; x <= cx + radius; x++)
                if (x >= 0 && y >= 0 && x < image.Width && y < image.Height && IsNear(image, x, y, colour)) return true;
        return false;
    }
}
