using System.Text.Json;
using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

public sealed class PyTorchStateDictWriterTests(TorchLoadedFiles files) : IClassFixture<TorchLoadedFiles>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Theory]
    [InlineData("samples.pth")]
    [InlineData("nothing.pth")]
    public void TorchLoadGivesAnOrderedDictOfTheSameTensors(string fileName)
    {
        JsonElement loaded = files.Loaded[fileName];
        StoredTensor[] written = files.Written[fileName];

        Assert.Equal("collections.OrderedDict", loaded.GetProperty("type").GetString());
        JsonElement[] tensors = loaded.GetProperty("tensors").EnumerateArray().ToArray();
        Assert.Equal(written.Select(tensor => tensor.Name), tensors.Select(tensor => tensor[0].GetString()));
        foreach ((StoredTensor expected, JsonElement actual) in written.Zip(tensors))
        {
            Assert.Equal(expected.DType.TorchName(), actual[1].GetString());
            Assert.Equal(expected.Shape, actual[2].EnumerateArray().Select(dimension => dimension.GetInt64()));
            Assert.Equal(Convert.ToHexStringLower(expected.Data), actual[3].GetString());
        }
    }

    [Fact]
    public void TorchSeesTheValuesNotJustTheBytes()
    {
        Dictionary<string, JsonElement> values = files.Loaded["samples.pth"].GetProperty("tensors").EnumerateArray()
            .ToDictionary(tensor => tensor[0].GetString()!, tensor => tensor[4].Clone());

        Assert.Equal(1234, values["bn.num_batches_tracked"].GetInt64());
        Assert.Equal(2.5, values["scalar_float32"].GetDouble());
        Assert.Equal([1.0 / 3, -2.5e300], values["float64"].EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal([[1.5, -3.0], [0.15625, 65536.0]], values["bfloat16"].EnumerateArray().Select(row => row.EnumerateArray().Select(value => value.GetDouble())));
        Assert.Equal([long.MinValue, 1L << 40, -1L], values["int64"].EnumerateArray().Select(value => value.GetInt64()));
        Assert.Equal([true, false, true], values["bool"].EnumerateArray().Select(value => value.GetBoolean()));
        Assert.Equal(0.125, values["conv.weight"][0][0][0][1].GetDouble());
    }

    [Fact]
    public void OwnReaderReadsBackWhatWasWritten()
    {
        StoredTensor[] written = SampleTensors.All();
        string path = _directory.File("round_trip.pth");

        PyTorchStateDictWriter.Write(path, written);

        TensorAssert.Equal(written, PyTorchStateDictReader.Read(path));
    }

    [Fact]
    public void ReplacesAnExistingFileAndLeavesNoTemporaryFiles()
    {
        string path = _directory.File("model.pth");
        File.WriteAllText(path, "old content");

        PyTorchStateDictWriter.Write(path, [new StoredTensor("w", ScalarType.Int32, [1], [7, 0, 0, 0])]);

        Assert.Equal([7, 0, 0, 0], PyTorchStateDictReader.Read(path).Single().Data);
        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void InconsistentTensorsAreRejectedBeforeAnythingIsWritten()
    {
        string path = _directory.File("model.pth");
        StoredTensor valid = new("w", ScalarType.Float32, [2], new byte[8]);

        var shortData = Assert.Throws<ArgumentException>(() => PyTorchStateDictWriter.Write(path, [valid with { Data = new byte[7] }]));
        var repeated = Assert.Throws<ArgumentException>(() => PyTorchStateDictWriter.Write(path, [valid, valid]));

        Assert.StartsWith("tensor 'w' of shape [2] and type float32 needs 8 bytes but has 7", shortData.Message);
        Assert.StartsWith("tensor name 'w' appears twice", repeated.Message);
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();
}
