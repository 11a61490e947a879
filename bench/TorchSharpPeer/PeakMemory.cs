using System.Globalization;

namespace ModelZoo.Bench.TorchSharpPeer;

/// <summary>
/// The process's resident high-water mark (VmHWM in /proc/self/status), reset by writing 5 to
/// /proc/self/clear_refs — what ModelZoo's ProcessMemory and bench/pytorch_bench.py read.
/// </summary>
internal static class PeakMemory
{
    internal static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then counts from the process's start.
        }
    }

    internal static double MiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        throw new InvalidOperationException("/proc/self/status has no VmHWM line");
    }
}
