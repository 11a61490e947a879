using System.Diagnostics;
using System.Globalization;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Pipelines.Benchmarks;

/// <summary>
/// Resident memory of this process, as Linux reports it (VmRSS, and VmHWM for the peak). The peak can be
/// reset (writing 5 to /proc/self/clear_refs), so one process can measure several models in turn.
/// Elsewhere it falls back to .NET's working-set figures, whose peak cannot be reset.
/// </summary>
public static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>Resident memory now, in MiB.</summary>
    public static double ResidentMiB() => ReadKiB("VmRSS:") is { } kib ? kib / 1024.0 : Current().WorkingSet64 / 1048576.0;

    /// <summary>Peak resident memory since start or since the last <see cref="ResetPeak"/>, in MiB.</summary>
    public static double PeakResidentMiB() => ReadKiB("VmHWM:") is { } kib ? kib / 1024.0 : Current().PeakWorkingSet64 / 1048576.0;

    /// <summary>
    /// Starts a new peak at the current resident size; false where the system cannot. Memory the allocator
    /// keeps for reuse (<see cref="CpuAllocator"/>) goes back to the kernel first, so one measurement's
    /// retained heap does not count in the next one's peak.
    /// </summary>
    public static bool ResetPeak()
    {
        CpuAllocator.ReleaseFreedMemory();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Process Current()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process;
    }

    private static long? ReadKiB(string field)
    {
        if (!File.Exists(Status)) return null;
        foreach (var line in File.ReadLines(Status))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var number = line[field.Length..].Trim().Split(' ')[0];
            return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? kib : null;
        }
        return null;
    }
}
