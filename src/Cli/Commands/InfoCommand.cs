using System.CommandLine;
using System.Text.Json;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo info</c>: what the tensor engine runs on (<see cref="TorchInfo"/>): libtorch and TorchSharp versions,
/// backend, whether the libstdc++ compatibility library is loaded, threads, CUDA devices, the native library.
/// </summary>
internal static class InfoCommand
{
    internal static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var command = new Command("info",
            "Show the libtorch and TorchSharp versions, backend, compatibility library, thread count, devices and native library path.") { json };
        command.SetAction(result =>
        {
            var info = TorchInfo.Current();
            var facts = new Dictionary<string, object>
            {
                ["libtorch"] = info.LibTorch,
                ["torchsharp"] = info.TorchSharp,
                ["backend"] = info.Backend,
                ["compatibility_library"] = info.CompatibilityLibrary,
                ["threads"] = info.Threads,
                ["cuda_devices"] = info.CudaDevices,
                ["native_library"] = info.NativeLibrary,
                ["dotnet"] = Environment.Version.ToString(),
            };
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(facts, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            foreach (var (key, value) in facts)
                Console.WriteLine($"{key.Replace('_', ' '),-22} {(value is bool yes ? (yes ? "yes" : "no") : value)}");
            return 0;
        });
        return command;
    }
}
