namespace ModelZoo.Pipelines.Reports;

/// <summary>Series colours (Tableau 10, chosen to stay distinguishable for common colour blindness).</summary>
public static class Palette
{
    private static readonly Rgb[] Colours =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f), new(0xbc, 0xbd, 0x22), new(0x17, 0xbe, 0xcf),
    ];

    /// <summary>Colour of the training curve in single-run figures.</summary>
    public static Rgb Train => Colours[0];

    /// <summary>Colour of the validation curve in single-run figures.</summary>
    public static Rgb Validation => Colours[1];

    /// <summary>Grid lines and other scaffolding that should recede behind the data.</summary>
    public static Rgb Grid => new(0xe4, 0xe4, 0xe4);

    /// <summary>Colour of series <paramref name="index"/>; after ten the colours repeat.</summary>
    public static Rgb Series(int index) => Colours[index % Colours.Length];
}
