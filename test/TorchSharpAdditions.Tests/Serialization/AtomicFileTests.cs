using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>A replacement that fails, in the writer or in the rename, leaves the old file and no temporary file.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AWriterThatFailsHalfwayLeavesTheOldFile()
    {
        string path = _directory.File("model.bin");
        File.WriteAllText(path, "old");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new con"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("No space left on device", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void ARenameThatFailsLeavesNoTemporaryFile()
    {
        string path = _directory.File("taken");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, stream => stream.Write("new"u8)));

        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }
}
