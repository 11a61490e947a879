namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// A model or checkpoint file is malformed, truncated, corrupted, or asks for something the reader
/// refuses to do (such as a pickle global outside the allow-list).
/// </summary>
/// <remarks>
/// An <see cref="IOException"/> (<see cref="InvalidDataException"/> is sealed), so code that handles
/// failures to read a file handles this too. The message always starts with the file's name.
/// </remarks>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates an exception for <paramref name="fileName"/> describing <paramref name="problem"/>.</summary>
    /// <param name="fileName">The file (or stream source name) being read.</param>
    /// <param name="problem">What is wrong, phrased to follow "file: ".</param>
    /// <param name="innerException">The lower-level failure, when there is one.</param>
    public ModelFileException(string fileName, string problem, Exception? innerException = null)
        : base($"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The file (or stream source name) that could not be read.</summary>
    public string FileName { get; }

    /// <summary>What is wrong with the file, without the file name.</summary>
    public string Problem { get; }
}
