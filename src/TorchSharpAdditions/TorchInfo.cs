using System.Runtime.InteropServices;

namespace ModelZoo.TorchSharpAdditions;

/// <summary>What this process runs on: the facts <c>modelzoo info</c> prints and benchmarks record.</summary>
/// <param name="LibTorch">libtorch's version (<c>torch.__version__</c>).</param>
/// <param name="TorchSharp">The TorchSharp assembly's version.</param>
/// <param name="Backend">The native backend found: <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="CompatibilityLibrary">
/// Whether libLibTorchSharp.so was patched to run on a libstdc++ older than GCC 13's
/// (build/LibTorchSharpCompat): the compatibility library is loaded in this process.
/// </param>
/// <param name="Threads">libtorch's intra-op threads.</param>
/// <param name="CudaDevices">CUDA devices TorchSharp sees.</param>
/// <param name="NativeLibrary">Where libLibTorchSharp was loaded from.</param>
public sealed record TorchInfo(string LibTorch, string TorchSharp, string Backend, bool CompatibilityLibrary,
    int Threads, int CudaDevices, string NativeLibrary)
{
    /// <summary>The file name of the compatibility library the build adds where libstdc++ lacks GLIBCXX_3.4.32.</summary>
    public const string CompatibilityLibraryName = "libmodelzoo_glibcxx_compat.so";

    /// <summary>Initialises TorchSharp (if not done yet) and reads the facts.</summary>
    public static TorchInfo Current()
    {
        var version = torch.__version__;
        var cudaDevices = cuda.is_available() ? cuda.device_count() : 0;
        var loaded = LoadedLibraries();
        return new TorchInfo(
            version,
            typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "?",
            cudaDevices > 0 ? "cuda" : "cpu",
            loaded.Any(path => path.EndsWith("/" + CompatibilityLibraryName, StringComparison.Ordinal)),
            torch.get_num_threads(),
            cudaDevices,
            loaded.FirstOrDefault(path => path.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal)) ?? "");
    }

    // The dynamic loader's list of this process's libraries, as Linux publishes it; elsewhere nothing is known.
    private static string[] LoadedLibraries()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return [];
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : "")
                .Where(path => path.EndsWith(".so", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
