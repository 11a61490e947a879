using Microsoft.ML.Runtime;
using TorchSharp;

namespace ModelZoo.MLNetExtensions;

/// <summary>The device an ML.NET component trains or scores on, by one rule.</summary>
internal static class DeviceChoice
{
    /// <summary>
    /// An explicit <paramref name="device"/> ("cpu", "cuda", "cuda:1", "auto") wins; otherwise MLContext's
    /// GpuDeviceId picks that CUDA device, or the CPU when it has none and FallbackToCpu is set; no GpuDeviceId is the CPU.
    /// </summary>
    internal static string For(IHostEnvironment env, string? device)
    {
        if (device is not null) return device;
        var settings = (IHostEnvironmentInternal)env;
        if (settings.GpuDeviceId is not int id) return "cpu";
        return settings.FallbackToCpu && !torch.cuda.is_available() ? "cpu" : $"cuda:{id}";
    }
}
