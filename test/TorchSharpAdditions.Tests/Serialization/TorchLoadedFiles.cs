using System.Text.Json;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

/// <summary>
/// Files written by <see cref="PyTorchStateDictWriter"/>, loaded back by torch.load in one python
/// process for the whole test class.
/// </summary>
public sealed class TorchLoadedFiles : IDisposable
{
    private const string Script = """
        import json, sys, torch

        def dump(tensor):
            flat = tensor.contiguous().reshape(-1)
            if flat.dtype == torch.bfloat16:
                flat = flat.view(torch.int16)
            return flat.numpy().tobytes().hex()

        loaded = {}
        for path in sys.argv[1:]:
            state_dict = torch.load(path)
            loaded[path] = {
                'type': type(state_dict).__module__ + '.' + type(state_dict).__name__,
                'tensors': [[name, str(t.dtype).replace('torch.', ''), list(t.shape), dump(t), t.tolist()] for name, t in state_dict.items()],
            }
        print(json.dumps(loaded))
        """;

    private readonly TemporaryDirectory _directory = new();

    /// <summary>Writes the sample files and lets torch.load read them.</summary>
    public TorchLoadedFiles()
    {
        Written = new Dictionary<string, StoredTensor[]>
        {
            ["samples.pth"] = SampleTensors.All(),
            ["nothing.pth"] = [],
        };
        foreach ((string fileName, StoredTensor[] tensors) in Written)
            PyTorchStateDictWriter.Write(_directory.File(fileName), tensors);

        using JsonDocument loaded = JsonDocument.Parse(PythonTorch.Run(Script, Written.Keys.Select(_directory.File).ToArray()));
        Loaded = Written.Keys.ToDictionary(fileName => fileName, fileName => loaded.RootElement.GetProperty(_directory.File(fileName)).Clone());
    }

    /// <summary>What was written to each file.</summary>
    public IReadOnlyDictionary<string, StoredTensor[]> Written { get; }

    /// <summary>
    /// What torch.load made of each file: its type's qualified name, and per tensor
    /// [name, dtype, shape, row-major bytes in hex, tolist()].
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Loaded { get; }

    /// <summary>The full path of a written file.</summary>
    public string PathOf(string fileName) => _directory.File(fileName);

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}
