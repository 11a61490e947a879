namespace ModelZoo.Pipelines.Imaging;

/// <summary>What an image file's header says: its size and whether it is grey (1) or colour (3).</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">1 for greyscale, 3 for colour; alpha is not counted, decoding drops it.</param>
public readonly record struct ImageInfo(int Width, int Height, int Channels);
