using System.Text;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.Pipelines.Tests.Training;
using ModelZoo.Pipelines.Training;
using ModelZoo.Testing;
using ModelZoo.TorchSharpAdditions.Serialization;
using ModelZoo.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Tests.Fuzzing;

/// <summary>
/// Damaged model files and checkpoints load or fail with a <see cref="ModelFileException"/> (the container)
/// or an <see cref="InvalidDataException"/> (what it holds), each naming the file. Most inputs are written
/// through <see cref="TensorFile"/>, so the checksum is right and the damage reaches the metadata and tensors.
/// </summary>
[Collection(SerialTensorTests.Name)]
public sealed class ModelFileFuzzTests : IDisposable
{
    private static readonly ModelOptions Options = new() { NumClasses = 4, InChannels = 1, InputSize = 12 };
    private static readonly Type[] Documented = [typeof(ModelFileException), typeof(InvalidDataException)];

    private readonly TempDirectory folder = new(Fuzzer.ScratchRoot);
    private readonly ModelRegistry registry = TinyNet.Registry();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Damaged_model_files_load_or_fail_with_a_documented_exception()
    {
        var path = folder.File("fuzz.mzmodel");
        using (var model = registry.Create("tiny_net", Options))
            ModelFile.Save(new TrainedModel(model, LearnableData.Quadrants, LearnableData.Grey12), path);
        var original = TensorFile.Read(path);

        var (accepted, refused) = Fuzzer.Run(401, random => Damaged(original, random), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            using var trained = ModelFile.Load(path, registry);
            Assert.Equal(trained.ClassNames.Count, trained.Model.NumClasses);
            Assert.Equal(trained.Preprocessing.Channels, trained.Model.Options.InChannels);
        }, Documented);

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void Damaged_checkpoints_restore_or_fail_with_a_documented_exception()
    {
        var path = LearnableData.OneEpochCheckpoint(registry, Path.Combine(folder.Path, "checkpoints"), emaDecay: 0.9);
        var original = TensorFile.Read(path);

        var (accepted, refused) = Fuzzer.Run(402, random => Damaged(original, random), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            using var model = registry.Create("tiny_net", Options);
            using var optimizer = torch.optim.Adam(model.parameters());
            using var ema = new WeightAverage(model, 0.9);
            var state = CheckpointStore.Restore(path, model, optimizer, ema);
            Assert.Equal(state.CompletedEpochs, state.History.Count);
        }, Documented);

        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    /// <summary>
    /// The file again with one metadata value or one tensor damaged, an entry dropped or renamed, or (one time
    /// in five) its bytes damaged directly.
    /// </summary>
    private byte[] Damaged(TensorFileContents original, Random random)
    {
        var scratch = folder.File("written.mztf");
        var metadata = new Dictionary<string, string>(original.Metadata);
        var tensors = original.Tensors.ToList();
        var key = metadata.Keys.ElementAt(random.Next(metadata.Count));
        var index = random.Next(tensors.Count);
        var tensor = tensors[index];
        switch (random.Next(5))
        {
            case 0:
                metadata[key] = Encoding.UTF8.GetString(Fuzzer.Mutate(Encoding.UTF8.GetBytes(metadata[key]), random));
                break;
            case 1:
                if (random.Next(2) == 0) metadata.Remove(key);
                else tensors.RemoveAt(index);
                break;
            case 2:
                var name = Encoding.UTF8.GetString(Fuzzer.Mutate(Encoding.UTF8.GetBytes(tensor.Name), random));
                if (tensors.All(t => t.Name != name)) tensors[index] = tensor with { Name = name };
                break;
            case 3:
                tensors[index] = DamagedTensor(tensor, random);
                break;
            default:
                TensorFile.Write(scratch, tensors, metadata);
                return Fuzzer.Mutate(File.ReadAllBytes(scratch), random);
        }
        TensorFile.Write(scratch, tensors, metadata);
        return File.ReadAllBytes(scratch);
    }

    /// <summary>Damaged values, or another shape or element type (one files may hold) over the (cut) bytes.</summary>
    private static StoredTensor DamagedTensor(StoredTensor tensor, Random random)
    {
        var types = Enum.GetValues<ScalarType>().Where(t => ScalarTypeNames.TryFromCode((int)t, out _)).ToArray();
        var type = random.Next(3) == 0 ? types[random.Next(types.Length)] : tensor.DType;
        var size = type.StoredElementSize();
        var data = Fuzzer.Mutate(tensor.Data, random);
        data = data[..(data.Length / size * size)];
        long[] shape = data.Length == tensor.Data.Length && type == tensor.DType ? tensor.Shape : [data.Length / size];
        return new StoredTensor(tensor.Name, type, shape, data);
    }
}
