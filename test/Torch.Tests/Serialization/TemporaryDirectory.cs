namespace ModelZoo.Torch.Tests.Serialization;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    /// <summary>The directory's full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mz-serialization-{Guid.NewGuid():N}");

    /// <summary>The full path of <paramref name="fileName"/> inside the directory.</summary>
    public string File(string fileName) => System.IO.Path.Combine(Path, fileName);

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
