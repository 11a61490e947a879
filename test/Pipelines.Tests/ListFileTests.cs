using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Tests;

public class ListFileTests
{
    private static void WritePng(string path, byte value) =>
        ImageEncoder.SavePng(new Image(1, 1, 3, [value, value, value]), path);

    [Fact]
    public void Lines_split_on_the_last_whitespace_and_resolve_relative_to_the_list()
    {
        using var folder = new TempDirectory();
        var absolute = folder.File("elsewhere/abs.png");
        File.WriteAllText(folder.File("lists/train.txt"),
            "birds/Black Skimmer/001.png 1\r\n" +
            "\n" +
            $"{absolute}\t3\n" +
            "  ../up.png   0  \n");

        var entries = ListFile.Read(folder.File("lists/train.txt"));

        Assert.Equal(
            [
                new ListFileEntry(folder.File("lists/birds/Black Skimmer/001.png"), 1),
                new ListFileEntry(absolute, 3),
                new ListFileEntry(Path.Combine(folder.Path, "up.png"), 0),
            ],
            entries);
    }

    [Theory]
    [InlineData("onlyapath.png", "expected '<path> <label>', got 'onlyapath.png'")]
    [InlineData("a.png cat", "label 'cat' is not a non-negative integer")]
    [InlineData("a.png -1", "label '-1' is not a non-negative integer")]
    [InlineData("a\0.png 1", "the path holds a character no path can have (such as NUL)")]
    public void A_bad_line_names_the_file_and_line(string badLine, string reason)
    {
        using var folder = new TempDirectory();
        var list = folder.File("test.txt");
        File.WriteAllText(list, $"good.png 0\n\n{badLine}\n");

        var error = Assert.Throws<InvalidDataException>(() => ListFile.Read(list));

        Assert.Equal($"{list}:3: {reason}", error.Message);
    }

    [Fact]
    public void A_huge_label_without_class_names_is_refused_rather_than_numbering_two_billion_classes()
    {
        using var folder = new TempDirectory();
        WritePng(folder.File("a.png"), 50);
        File.WriteAllText(folder.File("train.txt"), "a.png 0\na.png 2000000000\n");

        var error = Assert.Throws<InvalidDataException>(() => new ListFileDataset(folder.File("train.txt")));

        Assert.Equal($"{folder.File("train.txt")}: label 2000000000 would make 2000000001 numbered classes, more than 1000000; give the class names", error.Message);
    }

    [Fact]
    public void Written_lists_read_back_with_relative_paths_on_disk()
    {
        using var folder = new TempDirectory();
        var list = folder.File("train.txt");
        ListFileEntry[] entries = [new(folder.File("Black Skimmer/1.png"), 1), new(folder.File("cockatoo/2.png"), 0)];

        ListFile.Write(list, entries);

        Assert.Equal(["Black Skimmer/1.png 1", "cockatoo/2.png 0"], File.ReadAllLines(list));
        Assert.Equal(entries, ListFile.Read(list));
    }

    [Fact]
    public void Paths_that_would_not_read_back_are_refused()
    {
        using var folder = new TempDirectory();

        Assert.Throws<ArgumentException>(() => ListFile.Write(folder.File("l.txt"), [new ListFileEntry("a\nb.png", 0)]));
        Assert.Throws<ArgumentException>(() => ListFile.Write(folder.File("l.txt"), [new ListFileEntry("a.png ", 0)]));
    }

    [Fact]
    public void The_data_set_decodes_listed_images_with_class_names_from_a_file()
    {
        using var folder = new TempDirectory();
        WritePng(folder.File("images/a b.png"), 50);
        WritePng(folder.File("images/c.png"), 60);
        File.WriteAllLines(folder.File("train.txt"), ["images/c.png 1", "images/a b.png 0"]);
        ClassNamesFile.Write(folder.File("names.txt"), ["Bananaquit", "Black Skimmer"]);

        var dataset = new ListFileDataset(folder.File("train.txt"), ClassNamesFile.Read(folder.File("names.txt")), channels: 1);

        Assert.Equal(2, dataset.Count);
        Assert.Equal(["Bananaquit", "Black Skimmer"], dataset.ClassNames);
        Assert.Equal((1, 0), (dataset.GetLabel(0), dataset.GetLabel(1)));
        Assert.Equal(folder.File("images/a b.png"), dataset.GetPath(1));
        Assert.Equal((60, 50), (dataset.GetImage(0).Pixels[0], dataset.GetImage(1).Pixels[0]));
    }

    [Fact]
    public void Without_class_names_classes_are_numbered_up_to_the_largest_label()
    {
        using var folder = new TempDirectory();
        WritePng(folder.File("x.png"), 1);
        File.WriteAllLines(folder.File("list.txt"), ["x.png 2", "x.png 0"]);

        var dataset = new ListFileDataset(folder.File("list.txt"));

        Assert.Equal(["0", "1", "2"], dataset.ClassNames);
    }

    [Fact]
    public void A_missing_image_or_a_label_without_a_class_fails_when_the_list_is_read()
    {
        using var folder = new TempDirectory();
        WritePng(folder.File("x.png"), 1);
        File.WriteAllLines(folder.File("missing.txt"), ["x.png 0", "gone.png 0"]);
        File.WriteAllLines(folder.File("label.txt"), ["x.png 2"]);

        var missing = Assert.Throws<FileNotFoundException>(() => new ListFileDataset(folder.File("missing.txt")));
        var label = Assert.Throws<InvalidDataException>(() => new ListFileDataset(folder.File("label.txt"), ["a", "b"]));

        Assert.Equal($"{folder.File("missing.txt")}: entry 2 names {folder.File("gone.png")}, which does not exist", missing.Message);
        Assert.Equal($"{folder.File("label.txt")}: entry 1 ({folder.File("x.png")}) has label 2, but there are 2 classes", label.Message);
    }
}
