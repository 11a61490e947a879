namespace ModelZoo.Pipelines.Tests;

/// <summary>
/// The committed image files (written by Fixtures/make_fixtures.py) and the formulas their
/// pixels follow.
/// </summary>
internal static class Fixtures
{
    public const int Width = 6;
    public const int Height = 4;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static (byte R, byte G, byte B) Rgb(int x, int y) =>
        ((byte)(40 * x + 10), (byte)(60 * y + 15), (byte)(255 - 30 * (x + y)));

    public static byte Grey(int x, int y) => (byte)(25 * x + 40 * y + 10);

    /// <summary>The 16×16 JPEGs: one flat colour per 8×8 quadrant, top-left, top-right, bottom-left, bottom-right.</summary>
    public static readonly (byte R, byte G, byte B)[] ColourQuadrants = [(200, 30, 40), (20, 180, 60), (30, 60, 220), (240, 240, 240)];

    public static readonly byte[] GreyQuadrants = [20, 90, 160, 230];

    /// <summary>The centre pixel of each quadrant, away from block edges.</summary>
    public static readonly (int X, int Y)[] QuadrantCentres = [(4, 4), (12, 4), (4, 12), (12, 12)];
}
