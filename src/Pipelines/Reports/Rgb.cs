using System.Globalization;

namespace ModelZoo.Pipelines.Reports;

/// <summary>An opaque 8-bit colour, shared by the SVG charts and the PNG figures so both use the same palette.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>White, the background of every chart and figure.</summary>
    public static Rgb White => new(255, 255, 255);
    /// <summary>Black, for text and axes.</summary>
    public static Rgb Black => new(0, 0, 0);

    /// <summary>CSS notation, e.g. <c>#1f77b4</c>.</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>The colour <paramref name="t"/> of the way from this one to <paramref name="other"/> (t in 0..1).</summary>
    public Rgb Mix(Rgb other, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new((byte)Math.Round(R + (other.R - R) * t), (byte)Math.Round(G + (other.G - G) * t), (byte)Math.Round(B + (other.B - B) * t));
    }
}
