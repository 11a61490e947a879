using System.Globalization;
using TorchSharp;

namespace ModelZoo.Bench.Soak;

/// <summary>
/// The process's memory at one step: resident set (native and managed), managed heap, live tensor handles (TorchSharp's
/// count for the calling thread, the training thread).
/// </summary>
internal sealed record MemorySample(int Step, double Seconds, double RssMiB, double ManagedMiB, long LiveTensors)
{
    public const string Header = "step,seconds,rss_mib,managed_mib,live_tensors";

    public static MemorySample Take(int step, double seconds) =>
        new(step, seconds, ResidentKiB() / 1024.0, GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024), DisposeScopeManager.Statistics.ThreadTotalLiveCount);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Step},{Seconds:F1},{RssMiB:F1},{ManagedMiB:F1},{LiveTensors}");

    /// <summary>VmRSS from /proc/self/status (Linux), in KiB.</summary>
    private static long ResidentKiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
