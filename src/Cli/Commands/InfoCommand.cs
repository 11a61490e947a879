using System.CommandLine;
using System.Text.Json;
using ModelZoo.Torch;

namespace ModelZoo.Cli.Commands;

/// <summary><c>modelzoo info</c>: the libtorch build, devices, threads and where the native library is.</summary>
internal static class InfoCommand
{
    internal static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var command = new Command("info", "Show the libtorch version, devices, thread count and native library path.") { json };
        command.SetAction(result =>
        {
            var facts = new Dictionary<string, object?>
            {
                ["libtorch"] = torch.__version__,
                ["build"] = torch.build_info,
                ["cuda_available"] = torch.cuda.is_available(),
                ["cuda_devices"] = torch.cuda.device_count(),
                ["threads"] = torch.get_num_threads(),
                ["native_library"] = torch.native_library_path,
                ["dotnet"] = Environment.Version.ToString(),
            };
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(facts, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            foreach (var (key, value) in facts) Console.WriteLine($"{key,-15} {value}");
            return 0;
        });
        return command;
    }
}
