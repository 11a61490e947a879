namespace ModelZoo.Pipelines.Data;

/// <summary>One line of a list file: an image path and its class index.</summary>
/// <param name="Path">The image file; read back as an absolute path.</param>
/// <param name="Label">The class index.</param>
public readonly record struct ListFileEntry(string Path, int Label);
