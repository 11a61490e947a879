using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

/// <summary>
/// Finds libmznative.so next to the assembly (where the build puts it) and, when it
/// cannot be loaded, says why: most often libtorch itself is missing.
/// </summary>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "mznative";

    /// <summary>The path the native library was loaded from, once loaded.</summary>
    internal static string? LoadedPath { get; private set; }

#pragma warning disable CA2255 // A module initializer is the documented place to install a DllImport resolver.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        var failures = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (!File.Exists(candidate)) continue;
            try
            {
                var handle = NativeLibrary.Load(candidate);
                LoadedPath = candidate;
                return handle;
            }
            catch (DllNotFoundException e)
            {
                failures.Add($"{candidate}: {e.Message}");
            }
        }
        var detail = failures.Count > 0
            ? string.Join("; ", failures) + ". Is libtorch installed (apt-get install libtorch-dev) or on LD_LIBRARY_PATH?"
            : $"libmznative.so was not found in {string.Join(", ", Candidates().Select(Path.GetDirectoryName).Distinct())}. " +
              "Build it with `dotnet build` (it runs CMake over native/) or set MODELZOO_NATIVE to its folder.";
        throw new DllNotFoundException("ModelZoo native library could not be loaded: " + detail);
    }

    private static IEnumerable<string> Candidates()
    {
        var file = "lib" + LibraryName + ".so";
        var fromEnvironment = Environment.GetEnvironmentVariable("MODELZOO_NATIVE");
        if (!string.IsNullOrEmpty(fromEnvironment)) yield return Path.Combine(fromEnvironment, file);
        yield return Path.Combine(AppContext.BaseDirectory, file);
        var assemblyDirectory = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory)) yield return Path.Combine(assemblyDirectory, file);
    }
}
