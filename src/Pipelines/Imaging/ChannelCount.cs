using System.Runtime.CompilerServices;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>The channel counts decoding produces: 1 (grey) or 3 (RGB).</summary>
internal static class ChannelCount
{
    internal static void RequireGreyOrRgb(int channels, [CallerArgumentExpression(nameof(channels))] string? name = null)
    {
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(name, channels, "channels must be 1 (grey) or 3 (RGB)");
    }
}
