using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace ModelZoo.Cli.Comparison;

/// <summary>
/// Trains architectures in child <c>modelzoo train</c> processes, a few at once. Small networks on small images gain
/// little from a second intra-op thread (measured on 2 cores at 28 px: shufflenet_v1_g3_x0_5 197 img/s with 2 threads,
/// 210 with 1; mobilenet_v3_small 176 and 178), so two one-thread trainings side by side do nearly twice the work.
/// Processes, not threads: libtorch's generator and thread count are process-wide, and a process of its own keeps each
/// run exactly what <c>modelzoo train</c> with the same arguments gives.
/// </summary>
internal static class WorkerTraining
{
    /// <summary>
    /// Runs <c>modelzoo train ARCH ARGUMENTS --threads T --out RUNS/ARCH</c> for every architecture, at most
    /// <paramref name="jobs"/> at a time, passing each child's progress lines to <paramref name="output"/>; returns each
    /// architecture's output folder (holding model.zip and history.json).
    /// </summary>
    /// <exception cref="InvalidOperationException">A child failed; the message names the architecture and its last error line.</exception>
    internal static IReadOnlyDictionary<string, string> Run(IReadOnlyList<string> architectures, int jobs, int threadsPerJob,
        IReadOnlyList<string> trainArguments, string runsDirectory, Action<string, string> output)
    {
        var folders = new ConcurrentDictionary<string, string>();
        var failures = new ConcurrentQueue<string>();
        // One architecture at a time to whichever worker is free, in the order given (the default partitioner would hand
        // out fixed ranges, so one worker could get both long runs).
        var queue = Partitioner.Create(architectures, EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = jobs }, architecture =>
        {
            var folder = Path.Combine(runsDirectory, architecture);
            var error = TrainOne(architecture, threadsPerJob, trainArguments, folder, output);
            if (error is null) folders[architecture] = folder;
            else failures.Enqueue(error);
        });
        if (!failures.IsEmpty) throw new InvalidOperationException(string.Join("; ", failures));
        return folders;
    }

    // Returns null on success, else one line naming the architecture and why.
    private static string? TrainOne(string architecture, int threads, IReadOnlyList<string> trainArguments, string folder, Action<string, string> output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run as `dotnet modelzoo.dll`, the process is the dotnet host and the CLI is its first argument.
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in (string[])["train", architecture, .. trainArguments, "--threads", threads.ToString(), "--out", folder])
            start.ArgumentList.Add(argument);
        // The children write for a log: plain lines, one per epoch (and at most one per 10 s within it).
        start.Environment["NO_COLOR"] = "1";
        string? lastError = null;
        using var process = new Process { StartInfo = start };
        void Forward(string? line, bool isError)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            if (isError || line.StartsWith("error", StringComparison.OrdinalIgnoreCase)) lastError = line.Trim();
            if (isError || line.StartsWith("epoch ", StringComparison.Ordinal) || line.StartsWith("recipe:", StringComparison.Ordinal))
                output(architecture, line.Trim());
        }
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"training {architecture} failed (exit code {process.ExitCode}): {lastError ?? "no error message"}";
    }
}
