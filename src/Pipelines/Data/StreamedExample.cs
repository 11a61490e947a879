using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.Pipelines.Data;

/// <summary>One example read from an <see cref="IExampleStream"/>.</summary>
/// <param name="Label">The class index.</param>
/// <param name="Source">What names the example in messages: its file when known, else its row.</param>
/// <param name="Decode">
/// Turns the example's copied data into pixels; an unreadable image throws <see cref="InvalidDataException"/> (or the
/// <see cref="IOException"/> its reading met), which the loader's <see cref="BadImagePolicy"/> then handles.
/// </param>
public sealed record StreamedExample(int Label, string Source, Func<Image> Decode);
