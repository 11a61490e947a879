namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>Replaces a file only once its new content is complete and flushed to disk.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Lets <paramref name="write"/> fill a temporary file in the target's folder (so the final move
    /// is a rename on the same file system), then moves it over <paramref name="path"/>. A crash or
    /// an exception leaves either the old file or the new one, never half of one.
    /// </summary>
    public static void Write(string path, Action<FileStream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string temporaryPath = Path.Combine(
            Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' names no file", nameof(path)),
            $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }
}
