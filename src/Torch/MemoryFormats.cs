namespace ModelZoo.Torch;

/// <summary>Which tensor layout ModelZoo uses by default on each device.</summary>
public static class MemoryFormats
{
    /// <summary>
    /// Channels-last on CPU, where oneDNN's convolutions (depthwise and grouped ones most of all) run
    /// on NHWC without reordering every feature map (measured: docs/performance.md); NCHW on CUDA, where
    /// cuDNN in float32 gains little from NHWC.
    /// </summary>
    public static MemoryFormat Preferred(Device device) =>
        device.Type == DeviceType.CPU ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;

    /// <summary>Parses "auto" (the device's preferred layout), "nchw"/"contiguous" or "nhwc"/"channels_last".</summary>
    public static MemoryFormat Parse(string text, Device device) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => Preferred(device),
        "nchw" or "contiguous" or "channels_first" => MemoryFormat.Contiguous,
        "nhwc" or "channels_last" => MemoryFormat.ChannelsLast,
        _ => throw new ArgumentException($"unknown memory format '{text}' (expected auto, nchw or nhwc)"),
    };

    /// <summary>The short name used in reports: nchw or nhwc.</summary>
    public static string Name(MemoryFormat format) => format == MemoryFormat.ChannelsLast ? "nhwc" : "nchw";
}
