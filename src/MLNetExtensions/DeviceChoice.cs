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
    /// <exception cref="ArgumentException">GpuDeviceId is set, there is no CUDA and FallbackToCpu is off.</exception>
    internal static string For(IHostEnvironment env, string? device)
    {
        if (device is not null) return device;
        var settings = (IHostEnvironmentInternal)env;
        if (settings.GpuDeviceId is not int id) return "cpu";
        if (torch.cuda.is_available()) return $"cuda:{id}";
        return settings.FallbackToCpu
            ? "cpu"
            : throw new ArgumentException(
                $"MLContext.GpuDeviceId is {id} but TorchSharp found no CUDA backend; set MLContext.FallbackToCpu = true, or the options' Device to \"cpu\"");
    }
}
