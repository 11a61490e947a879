using Microsoft.ML;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Cli.Models;

/// <summary>The MLContext a command works in: its seed, and the device a loaded model scores on.</summary>
internal static class CliContext
{
    /// <summary>
    /// <paramref name="device"/> as ML.NET's settings, which a loaded classifier follows: "cpu" none, "cuda[:N]" that
    /// GPU (an error where there is none), "auto" the first GPU or else the CPU.
    /// </summary>
    /// <exception cref="ArgumentException">Any other device name.</exception>
    internal static MLContext Create(int seed, string device = "cpu")
    {
        var mlContext = new MLContext(seed);
        var text = device.Trim().ToLowerInvariant();
        switch (text)
        {
            case "cpu":
                break;
            case "auto":
                mlContext.GpuDeviceId = 0;
                mlContext.FallbackToCpu = true;
                break;
            case "cuda":
                DevicePolicy.Resolve(text); // no CUDA here: the device's own error, before any model is read
                mlContext.GpuDeviceId = 0;
                break;
            default:
                if (!text.StartsWith("cuda:", StringComparison.Ordinal) || !int.TryParse(text[5..], out var id) || id < 0)
                    throw new ArgumentException($"unknown device '{device}' (expected cpu, cuda, cuda:N or auto)");
                DevicePolicy.Resolve(text);
                mlContext.GpuDeviceId = id;
                break;
        }
        return mlContext;
    }
}
