namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// A problem found while parsing bytes whose file name the parser does not know (a pickle, a tensor
/// view). The reader that opened the file turns it into a <see cref="ModelFileException"/>.
/// </summary>
internal sealed class FormatProblemException(string problem) : Exception(problem);
