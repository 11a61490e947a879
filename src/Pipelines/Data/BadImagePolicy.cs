namespace ModelZoo.Pipelines.Data;

/// <summary>What a loader does with an example whose image cannot be read (corrupt, truncated, not an image, unreadable file).</summary>
public enum BadImagePolicy
{
    /// <summary>Leave the example out of its batch and report it (<see cref="SkippedImage"/>).</summary>
    Skip,
    /// <summary>Stop with an error that names the file.</summary>
    Fail,
}

/// <summary>An example left out of its batch because its image could not be read.</summary>
/// <param name="Path">The image file (or "example N" for a data set that is not backed by files).</param>
/// <param name="Reason">Why it could not be read, e.g. "not a JPEG, PNG, BMP... image".</param>
public sealed record SkippedImage(string Path, string Reason)
{
    /// <summary>The example <paramref name="index"/> of <paramref name="dataset"/> that failed with <paramref name="error"/>.</summary>
    public static SkippedImage From(IImageDataset dataset, int index, Exception error)
    {
        var path = dataset.GetPath(index) ?? $"example {index}";
        // Decoders say "path: reason"; the path is kept apart, so the reason drops it.
        var reason = error.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? error.Message[(path.Length + 2)..] : error.Message;
        return new SkippedImage(path, reason);
    }

    /// <summary>The failures a bad file causes while it is read and decoded (others, such as a bug, still fail).</summary>
    public static bool IsUnreadable(Exception error) => error is InvalidDataException or IOException or UnauthorizedAccessException;

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Reason}";
}
