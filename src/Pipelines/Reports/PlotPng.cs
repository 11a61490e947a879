using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace ModelZoo.Pipelines.Reports;

/// <summary>Charts drawn side by side into one PNG file.</summary>
public static class PlotPng
{
    /// <summary>
    /// Draws <paramref name="panels"/> left to right, each an equal share of <paramref name="width"/> and the full
    /// <paramref name="height"/>, on white, and writes the picture to <paramref name="path"/>. Afterwards each panel's
    /// series map data to the picture's pixels (<c>XYAxisSeries.Transform</c>), as drawn.
    /// </summary>
    /// <exception cref="ArgumentException">There are no panels.</exception>
    public static void Save(IReadOnlyList<PlotModel> panels, int width, int height, string path)
    {
        if (panels.Count == 0) throw new ArgumentException("a figure needs at least one chart", nameof(panels));
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        // Shaping would need libHarfBuzzSharp, which is not shipped; chart text is plain left-to-right labels.
        using (var context = new SkiaRenderContext { RenderTarget = RenderTarget.PixelGraphic, SkCanvas = canvas, UseTextShaping = false })
        {
            canvas.Clear(SKColors.White);
            var panelWidth = (double)width / panels.Count;
            for (var i = 0; i < panels.Count; i++)
            {
                IPlotModel panel = panels[i];
                panel.Update(true);
                panel.Render(context, new OxyRect(i * panelWidth, 0, panelWidth, height));
            }
        }
        using var file = File.Create(path);
        bitmap.Encode(file, SKEncodedImageFormat.Png, 100);
    }
}
