using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Tests;

public class ImageFolderDatasetTests
{
    // A 2x1 PNG whose first pixel is (value, 0, 0), so each file is recognisable after decoding.
    private static void WritePng(string path, byte value) =>
        ImageEncoder.SavePng(new Image(2, 1, 3, [value, 0, 0, 1, 2, 3]), path);

    [Fact]
    public void Classes_are_sorted_folders_and_images_sorted_files_of_any_case_extension()
    {
        using var root = new TempDirectory();
        WritePng(root.File("dog/b.png"), 11);
        WritePng(root.File("dog/a.PNG"), 10);
        File.Copy(Fixtures.PathOf("colour.jpg"), root.File("cat/x.JPEG"));
        File.Copy(Fixtures.PathOf("rgb.bmp"), root.File("cat/nested/y.bmp"));
        WritePng(root.File("Zebra/z.png"), 30);
        File.WriteAllText(root.File("dog/readme.txt"), "not an image");
        WritePng(root.File("dog/._a.png"), 99);              // macOS resource-fork file
        WritePng(root.File(".ipynb_checkpoints/c.png"), 99); // notebook litter, not a class

        var dataset = new ImageFolderDataset(root.Path);

        Assert.Equal(["Zebra", "cat", "dog"], dataset.ClassNames); // ordinal: upper case first
        Assert.Equal(5, dataset.Count);
        Assert.Equal([0, 1, 1, 2, 2], Enumerable.Range(0, 5).Select(dataset.GetLabel));
        Assert.Equal(
            [root.File("Zebra/z.png"), root.File("cat/nested/y.bmp"), root.File("cat/x.JPEG"), root.File("dog/a.PNG"), root.File("dog/b.png")],
            Enumerable.Range(0, 5).Select(dataset.GetPath));
        Assert.Null(dataset.FixedSize);
        Assert.Equal([30, 10, 11], new[] { 0, 3, 4 }.Select(i => dataset.GetImage(i)[0, 0, 0]));
        Assert.Equal(Fixtures.Rgb(5, 3), (dataset.GetImage(1)[3, 5, 0], dataset.GetImage(1)[3, 5, 1], dataset.GetImage(1)[3, 5, 2]));
        Assert.Equal((16, 16), (dataset.GetImage(2).Width, dataset.GetImage(2).Height));
    }

    [Fact]
    public void Images_are_decoded_only_when_asked_for()
    {
        using var root = new TempDirectory();
        WritePng(root.File("a/good.png"), 1);
        File.WriteAllText(root.File("a/broken.png"), "truncated");

        var dataset = new ImageFolderDataset(root.Path, channels: 1);

        Assert.Equal(2, dataset.Count);
        Assert.Equal(1, dataset.GetImage(1).Channels);
        var error = Assert.Throws<InvalidDataException>(() => dataset.GetImage(0));
        Assert.StartsWith(root.File("a/broken.png"), error.Message);
    }

    [Fact]
    public void A_class_folder_without_images_is_an_error()
    {
        using var root = new TempDirectory();
        WritePng(root.File("a/one.png"), 1);
        File.WriteAllText(root.File("b/notes.txt"), "no images here");

        var error = Assert.Throws<InvalidDataException>(() => new ImageFolderDataset(root.Path));

        Assert.StartsWith($"{Path.Combine(root.Path, "b")}: no images", error.Message);
    }

    [Fact]
    public void Take_keeps_the_first_examples()
    {
        using var root = new TempDirectory();
        for (var i = 0; i < 4; i++) WritePng(root.File($"c{i % 2}/{i}.png"), (byte)i);
        var dataset = new ImageFolderDataset(root.Path);

        var firstThree = dataset.Take(3);

        Assert.Equal(3, firstThree.Count);
        Assert.Equal(dataset.ClassNames, firstThree.ClassNames);
        Assert.Equal([0, 0, 1], Enumerable.Range(0, 3).Select(firstThree.GetLabel));
        Assert.Equal([0, 2, 1], Enumerable.Range(0, 3).Select(i => firstThree.GetImage(i)[0, 0, 0]));
        Assert.Equal(4, dataset.Take(100).Count);
    }
}
