namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// How a 4-D tensor's elements are laid out (PyTorch's <c>torch.memory_format</c>). TorchSharp 0.107 has the
/// enum but no conversion that uses it, so ModelZoo names the two layouts it converts between.
/// </summary>
public enum MemoryFormat
{
    /// <summary>NCHW: each channel's plane is contiguous (PyTorch's default).</summary>
    Contiguous,

    /// <summary>NHWC strides under an NCHW shape: oneDNN's fast CPU layout for convolutions.</summary>
    ChannelsLast,
}

/// <summary>Names, parsing and the per-device default of <see cref="MemoryFormat"/>.</summary>
public static class MemoryFormats
{
    /// <summary>The layout ModelZoo trains and predicts in on <paramref name="device"/>: channels-last on the CPU.</summary>
    public static MemoryFormat Preferred(Device device) =>
        device.type == DeviceType.CPU ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;

    /// <summary>Parses <c>auto</c> (null: <see cref="Preferred"/>), <c>nchw</c> or <c>nhwc</c>.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static MemoryFormat? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => null,
        "nchw" or "contiguous" or "channels_first" => MemoryFormat.Contiguous,
        "nhwc" or "channels_last" or "channels-last" => MemoryFormat.ChannelsLast,
        _ => throw new ArgumentException($"unknown memory format '{text}' (expected auto, nchw or nhwc)"),
    };

    /// <summary>The short name used in output: <c>nchw</c> or <c>nhwc</c>.</summary>
    public static string Name(MemoryFormat format) => format == MemoryFormat.ChannelsLast ? "nhwc" : "nchw";
}
