using System.Text.Json;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>A tensor as torch itself describes it: dtype name, shape and row-major bytes in hex.</summary>
public sealed record TorchTensorDump(string Name, string DType, long[] Shape, string Hex);

/// <summary>
/// State dicts saved by torch.save (one python process for the whole test class), each with torch's
/// own dump of its tensors to compare against.
/// </summary>
public sealed class TorchSavedFiles : IDisposable
{
    private const string Script = """
        import collections, json, sys, torch

        folder = sys.argv[1]

        def dump(tensor):
            flat = tensor.detach().contiguous().reshape(-1)
            if flat.dtype == torch.bfloat16:
                flat = flat.view(torch.int16)
            return flat.numpy().tobytes().hex()

        def save(file_name, state_dict, **options):
            torch.save(state_dict, f'{folder}/{file_name}', **options)
            return [[name, str(t.dtype).replace('torch.', ''), list(t.shape), dump(t)] for name, t in state_dict.items()]

        grid = torch.arange(12, dtype=torch.float32).reshape(3, 4)
        shared = torch.arange(10, dtype=torch.int32)
        mixed = collections.OrderedDict()
        mixed['float32'] = torch.tensor([[-1.0, -0.5, 0.0], [0.5, 1.0, 1.5]])
        mixed['float64'] = torch.tensor([1 / 3, -2.5e300], dtype=torch.float64)
        mixed['float16'] = torch.tensor([0.1, -65504.0, 6e-8], dtype=torch.float16)
        mixed['bfloat16'] = torch.tensor([1.5, -3.0, 0.15625, 65536.0], dtype=torch.bfloat16)
        mixed['int64'] = torch.tensor([-2**62, 2**40, -1])
        mixed['int32'] = torch.tensor([-2**31, 7], dtype=torch.int32)
        mixed['int16'] = torch.tensor([-32768, 32767], dtype=torch.int16)
        mixed['int8'] = torch.tensor([-128, 127], dtype=torch.int8)
        mixed['uint8'] = torch.tensor([0, 255], dtype=torch.uint8)
        mixed['bool'] = torch.tensor([True, False, True])
        mixed['scalar_int64'] = torch.tensor(42)
        mixed['scalar_float32'] = torch.tensor(2.5)
        mixed['transposed'] = grid.t()
        mixed['row'] = grid[1]
        mixed['every_third'] = torch.arange(10)[::3]
        mixed['permuted'] = torch.arange(24, dtype=torch.int16).reshape(2, 3, 4).permute(2, 0, 1)
        mixed['shared_head'] = shared[:4]
        mixed['shared_tail'] = shared[6:]
        mixed['empty'] = torch.zeros(0, 3)
        mixed['parameter'] = torch.nn.Parameter(torch.tensor([1.0, 2.0]))
        tied = torch.tensor([5.0, 6.0])
        mixed['tied_first'] = tied
        mixed['tied_second'] = tied

        model = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4))
        with torch.no_grad():
            model[0].weight.copy_(torch.arange(108.0).reshape(4, 3, 3, 3) / 8)
            model[0].bias.copy_(torch.tensor([1.0, 2.0, 3.0, 4.0]))

        wide = collections.OrderedDict(wide=torch.arange(300, dtype=torch.float32), long=torch.ones(70000, dtype=torch.int8))

        print(json.dumps({
            'mixed.pth': save('mixed.pth', mixed),
            'mixed_protocol4.pth': save('mixed_protocol4.pth', mixed, pickle_protocol=4),
            'batchnorm.pth': save('batchnorm.pth', model.state_dict()),
            'wide.pth': save('wide.pth', wide),
        }))
        """;

    private readonly TemporaryDirectory _directory = new();

    /// <summary>Runs torch.save for every file.</summary>
    public TorchSavedFiles()
    {
        using JsonDocument dumps = JsonDocument.Parse(PythonTorch.Run(Script, _directory.Path));
        Dumps = dumps.RootElement.EnumerateObject().ToDictionary(
            file => file.Name,
            file => file.Value.EnumerateArray().Select(tensor => new TorchTensorDump(
                tensor[0].GetString()!,
                tensor[1].GetString()!,
                tensor[2].EnumerateArray().Select(dimension => dimension.GetInt64()).ToArray(),
                tensor[3].GetString()!)).ToArray());
    }

    /// <summary>Torch's dump of each file's tensors, in state-dict order.</summary>
    public IReadOnlyDictionary<string, TorchTensorDump[]> Dumps { get; }

    /// <summary>The full path of a saved file.</summary>
    public string PathOf(string fileName) => _directory.File(fileName);

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}
