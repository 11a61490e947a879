using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.Pipelines.Imaging;
using ModelZoo.Pipelines.Reports;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace ModelZoo.Pipelines.Tests.Reports;

/// <summary>
/// Charts (OxyPlot on SkiaSharp) and ML.NET's image support (MLImage, also on SkiaSharp) in one process: a process
/// loads one SkiaSharp, so both must work with the one the project pins. With SkiaSharp 3.x, for example, MLImage
/// fails at run time with a MissingMethodException, which no compiler catches.
/// </summary>
public sealed class SkiaSharpSharingTests
{
    private const int ChartWidth = 400, ChartHeight = 300, ResizedSide = 8;

    private sealed class ImageRow
    {
        public string Path { get; set; } = "";
    }

    private sealed class PixelRow
    {
        [ColumnName("Pixels")]
        public float[] Pixels { get; set; } = [];
    }

    [Fact]
    public void AChartIsDrawnAndAnImageDecodedByMLNetInOneProcess()
    {
        // A chart first, so that the SkiaSharp loaded is the one the charts bring.
        using var folder = new TempDirectory();
        var chartPath = folder.File("chart.png");
        var line = new LineSeries { Color = Palette.Series(3), StrokeThickness = 3 };
        line.Points.AddRange([new DataPoint(0, 0), new DataPoint(10, 10)]);
        var chart = new PlotModel { Title = "one line", Background = OxyColors.White, DefaultFont = ChartStyle.FontFamily };
        chart.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = 10 });
        chart.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Maximum = 10 });
        chart.Series.Add(line);

        PlotPng.Save([chart], ChartWidth, ChartHeight, chartPath);

        var png = ImageDecoder.Decode(chartPath, 3);
        Assert.Equal((ChartWidth, ChartHeight), (png.Width, png.Height));
        Assert.True(ChartPixels.IsDrawnAround(png, line.Transform(new DataPoint(5, 5)), line.Color), "the line is not drawn through its middle");
        Assert.True(ChartPixels.IsNear(png, (int)line.Transform(new DataPoint(8, 2)).X, (int)line.Transform(new DataPoint(8, 2)).Y, OxyColors.White));

        // Then ML.NET's own decoding, in the same process.
        using (var image = MLImage.CreateFromFile(Fixtures.PathOf("colour.jpg")))
        {
            Assert.Equal((16, 16), (image.Width, image.Height));
            var pixels = image.Pixels;
            for (var q = 0; q < 4; q++)
            {
                var (x, y) = Fixtures.QuadrantCentres[q];
                var i = (y * image.Width + x) * 4;
                var rgb = image.PixelFormat == MLPixelFormat.Rgba32 ? (pixels[i], pixels[i + 1], pixels[i + 2]) : (pixels[i + 2], pixels[i + 1], pixels[i]);
                AssertClose(Fixtures.ColourQuadrants[q], rgb);
            }
        }

        // And an ML.NET image pipeline: load, resize to 8x8, extract planar R, G, B floats.
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable([new ImageRow { Path = Fixtures.PathOf("colour.jpg") }]);
        var pipeline = ml.Transforms.LoadImages("Image", imageFolder: null, inputColumnName: nameof(ImageRow.Path))
            .Append(ml.Transforms.ResizeImages("Image", ResizedSide, ResizedSide))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Image"));
        var extracted = ml.Data.CreateEnumerable<PixelRow>(pipeline.Fit(rows).Transform(rows), reuseRowObject: false).Single().Pixels;

        const int plane = ResizedSide * ResizedSide;
        Assert.Equal(3 * plane, extracted.Length);
        for (var q = 0; q < 4; q++)
        {
            // The centre of each quadrant of the 8x8 image.
            int x = q % 2 * 4 + 2, y = q / 2 * 4 + 2;
            var i = y * ResizedSide + x;
            AssertClose(Fixtures.ColourQuadrants[q], ((byte)extracted[i], (byte)extracted[plane + i], (byte)extracted[2 * plane + i]));
        }
    }

    /// <summary>JPEG keeps flat 8x8 blocks within a few levels of the colour that was saved.</summary>
    private static void AssertClose((byte R, byte G, byte B) expected, (byte R, byte G, byte B) actual)
    {
        const int tolerance = 10;
        Assert.True(Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance && Math.Abs(expected.B - actual.B) <= tolerance,
            $"expected about {expected}, got {actual}");
    }
}
