using System.Reflection;
using System.Runtime.InteropServices;

namespace ModelZoo.Pipelines.Imaging;

/// <summary>
/// Finds libmzimage.so next to the application (the build copies it there) before the
/// loader's search path, and says how to build it when it is nowhere.
/// </summary>
internal static class NativeImageLibrary
{
    private const string FileName = "libmzimage.so";

    /// <summary>Installs the resolver; .NET allows one per assembly, and this is ModelZoo.Pipelines' one.</summary>
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeImageLibrary).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeImageMethods.Library) return IntPtr.Zero;

        string[] folders =
        [
            .. new[] { AppContext.BaseDirectory, Path.GetDirectoryName(assembly.Location) ?? "" }
                .Where(folder => folder.Length > 0)
                .Select(Path.TrimEndingDirectorySeparator)
                .Distinct(),
        ];
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, FileName);
            if (File.Exists(candidate)) return NativeLibrary.Load(candidate);
        }
        if (NativeLibrary.TryLoad(FileName, assembly, searchPath, out var handle)) return handle;

        throw new DllNotFoundException(
            $"{FileName} (ModelZoo's image codecs) is not in {string.Join(" or ", folders)} nor on the " +
            "library search path. Building ModelZoo.Pipelines builds it; by hand: " +
            "cmake -S native -B native/build && cmake --build native/build --target mzimage");
    }
}
