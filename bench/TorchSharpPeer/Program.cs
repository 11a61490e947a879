// bench/'s plain-TorchSharp peer: one process measures one configuration of a TorchVision model and prints the
// JSON `modelzoo benchmark --json` prints (the same field names), so bench/run can set ModelZoo next to what a
// TorchSharp user gets on the same libtorch without ModelZoo.
//
//   dotnet bench/TorchSharpPeer/bin/Release/net10.0/torchsharp-peer.dll mobilenet_v2 --mode train \
//       --input-size 224 --batch-size 32 [--warmup 3] [--iterations 10] [--threads N]
//
// As TorchSharp's examples train: NCHW, torch.optim.SGD(parameters, lr, momentum), functional.cross_entropy,
// every step in its own torch.NewDisposeScope(). Nothing else: no channels-last, no batch-norm folding, no
// allocator settings.
using System.Text.Json;
using ModelZoo.Bench.TorchSharpPeer;
using TorchSharp;

try
{
    var settings = PeerSettings.Parse(args);
    torch.set_num_threads(settings.Threads);
    var result = PeerBenchmark.Run(settings);
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["framework"] = $"torchsharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}",
        ["device"] = "cpu",
        ["threads"] = torch.get_num_threads(),
        ["results"] = new[] { result },
    }, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"torchsharp-peer: {e.Message}");
    Console.Error.WriteLine(PeerSettings.Usage);
    return 2;
}
