using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests.Data;

/// <summary>Image folders and list files as ImagePath/Label rows, and such rows through a zoo trainer and ML.NET's evaluator.</summary>
public sealed class ImageFileDataTests : IDisposable
{
    private const int PerClass = 6;
    private const int Side = 16;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mlnet-files");
    private readonly MLContext ml = new(seed: 1);

    public ImageFileDataTests() => PngFolder.Write(Path.Combine(folder.FullName, "images"), PerClass, Side);

    public void Dispose() => folder.Delete(recursive: true);

    private string Images => Path.Combine(folder.FullName, "images");

    private static List<(string Path, string Label)> Rows(IDataView data) =>
        data.GetColumn<string>("ImagePath").Zip(data.GetColumn<string>("Label")).ToList();

    [Fact]
    public void A_folder_gives_absolute_image_paths_and_class_names_in_order_and_skips_other_files()
    {
        File.WriteAllText(Path.Combine(Images, "dark", "notes.txt"), "not an image");
        File.WriteAllBytes(Path.Combine(Images, "bright", ".hidden.png"), []);

        var rows = Rows(ml.Data.LoadImageFolder(Images));

        Assert.Equal(2 * PerClass, rows.Count);
        Assert.Equal(Enumerable.Repeat("bright", PerClass).Concat(Enumerable.Repeat("dark", PerClass)), rows.Select(r => r.Label));
        Assert.Equal(Path.Combine(Images, "bright", "0.png"), rows[0].Path);
        Assert.All(rows, r => Assert.True(Path.IsPathRooted(r.Path) && File.Exists(r.Path), r.Path));
    }

    [Fact]
    public void A_list_file_resolves_relative_paths_against_its_own_folder()
    {
        var list = Path.Combine(Images, "test.txt");
        File.WriteAllLines(list, ["dark/0.png 1", "bright/3.png 0", $"{Path.Combine(Images, "dark", "5.png")} 1"]);

        var named = Rows(ml.Data.LoadImageList(list, ["bright", "dark"]));
        var numbered = Rows(ml.Data.LoadImageList(list));

        Assert.Equal([(Path.Combine(Images, "dark", "0.png"), "dark"), (Path.Combine(Images, "bright", "3.png"), "bright"), (Path.Combine(Images, "dark", "5.png"), "dark")], named);
        Assert.Equal(["1", "0", "1"], numbered.Select(r => r.Label));
    }

    [Fact]
    public void A_missing_folder_or_list_file_is_named_in_one_line()
    {
        var missing = Path.Combine(folder.FullName, "nowhere");

        var noFolder = Assert.Throws<DirectoryNotFoundException>(() => ml.Data.LoadImageFolder(missing));
        var noList = Assert.Throws<FileNotFoundException>(() => ml.Data.LoadImageList(Path.Combine(missing, "train.txt")));

        Assert.Equal($"image folder {missing} does not exist", noFolder.Message);
        Assert.Equal($"list file {Path.Combine(missing, "train.txt")} does not exist", noList.Message);
    }

    [Fact]
    public void Folder_rows_train_and_evaluate_through_LoadRawImageBytes_and_MapValueToKey()
    {
        var data = ml.Data.LoadImageFolder(Images);
        var pipeline = ml.Transforms.LoadRawImageBytes("Image", null, "ImagePath")
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.MulticlassClassification.Trainers.ImageClassifier(new ImageClassifierTrainer.Options
            {
                Architecture = "mobilenet_v1_x0_25",
                FeatureColumnName = "Image",
                Epochs = 2,
                BatchSize = 4,
                InputSize = Side,
            }));

        using var model = (TransformerChain<ImageClassifierTransformer>)pipeline.Fit(data);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data));

        Assert.Equal(2, metrics.ConfusionMatrix.NumberOfClasses);
        Assert.Equal(2 * PerClass, metrics.ConfusionMatrix.Counts.SelectMany(row => row).Sum());
        Assert.Contains("bright", metrics.ConfusionMatrix.GetFormattedConfusionTable());
        Assert.True(double.IsFinite(metrics.LogLoss), $"log-loss {metrics.LogLoss}");
    }
}
