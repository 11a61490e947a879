namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// The one rule for turning a device setting into a TorchSharp device: <c>cpu</c>, <c>cuda</c>,
/// <c>cuda:N</c>, or <c>auto</c> (CUDA when TorchSharp finds a CUDA backend, else the CPU). Asking for CUDA
/// where there is none is an error unless <c>fallbackToCpu</c> is set, as ML.NET's <c>MLContext.FallbackToCpu</c> says.
/// </summary>
public static class DevicePolicy
{
    /// <summary>Resolves <paramref name="setting"/>; see the class remarks.</summary>
    /// <exception cref="ArgumentException">An unknown setting, or CUDA asked for without a CUDA backend and no fallback.</exception>
    public static Device Resolve(string setting, bool fallbackToCpu = false)
    {
        var value = setting.Trim().ToLowerInvariant();
        if (value == "auto") return cuda.is_available() ? CUDA : CPU;
        if (value == "cpu") return CPU;
        if (value != "cuda" && !(value.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(value.AsSpan(5), out var index) && index >= 0))
            throw new ArgumentException($"unknown device '{setting}': expected auto, cpu, cuda or cuda:N");
        if (cuda.is_available())
        {
            var device = torch.device(value);
            if (device.index < cuda.device_count()) return device;
            if (!fallbackToCpu)
                throw new ArgumentException($"device '{setting}' does not exist: this machine has {cuda.device_count()} CUDA device(s)");
            return CPU;
        }
        if (fallbackToCpu) return CPU;
        throw new ArgumentException(
            $"device '{setting}' needs CUDA, but TorchSharp found no CUDA backend (build with -p:TorchBackend=cuda-linux or cuda-windows on a machine with an NVIDIA GPU)");
    }

    /// <summary>The short name used in output: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public static string Name(Device device) => device.ToString();
}
