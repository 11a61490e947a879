namespace ModelZoo.Torch;

/// <summary>Where a tensor lives, numbered as c10::DeviceType.</summary>
public enum DeviceType : int
{
    CPU = 0,
    CUDA = 1,
}

/// <summary>A device: <c>cpu</c> or <c>cuda:N</c>.</summary>
public sealed record Device(DeviceType Type, int Index = -1)
{
    /// <summary>The CPU.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>The current CUDA device.</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA, 0);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public static Device Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "cpu") return CPU;
        if (value == "cuda") return CUDA;
        if (value.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(value.AsSpan(5), out var index) && index >= 0)
            return new Device(DeviceType.CUDA, index);
        throw new ArgumentException($"unknown device '{text}': expected cpu, cuda or cuda:N", nameof(text));
    }

    /// <summary>PyTorch's spelling.</summary>
    public override string ToString() =>
        Type == DeviceType.CPU ? "cpu" : Index < 0 ? "cuda" : $"cuda:{Index}";
}

/// <summary>How a 4-D tensor's elements are laid out in memory.</summary>
public enum MemoryFormat : int
{
    /// <summary>Row-major NCHW.</summary>
    Contiguous = 0,
    /// <summary>NHWC: channels innermost, what oneDNN and cuDNN convolutions prefer.</summary>
    ChannelsLast = 1,
    /// <summary>Keep whatever layout the tensor has.</summary>
    Preserve = 2,
}
