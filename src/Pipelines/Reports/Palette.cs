using OxyPlot;

namespace ModelZoo.Pipelines.Reports;

/// <summary>Series colours (Tableau 10, chosen to stay distinguishable for common colour blindness).</summary>
public static class Palette
{
    private static readonly OxyColor[] Colours =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xff, 0x7f, 0x0e), OxyColor.FromRgb(0x2c, 0xa0, 0x2c),
        OxyColor.FromRgb(0xd6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xbd), OxyColor.FromRgb(0x8c, 0x56, 0x4b),
        OxyColor.FromRgb(0xe3, 0x77, 0xc2), OxyColor.FromRgb(0x7f, 0x7f, 0x7f), OxyColor.FromRgb(0xbc, 0xbd, 0x22),
        OxyColor.FromRgb(0x17, 0xbe, 0xcf),
    ];

    /// <summary>Colour of the training curve in single-run figures.</summary>
    public static OxyColor Train => Colours[0];

    /// <summary>Colour of the validation curve in single-run figures.</summary>
    public static OxyColor Validation => Colours[1];

    /// <summary>Grid lines and other scaffolding that should recede behind the data.</summary>
    public static OxyColor Grid => OxyColor.FromRgb(0xe4, 0xe4, 0xe4);

    /// <summary>Colour of series <paramref name="index"/>; after ten the colours repeat.</summary>
    public static OxyColor Series(int index) => Colours[index % Colours.Length];
}
