using System.Buffers.Binary;
using ModelZoo.Pipelines.Persistence;
using ModelZoo.TorchSharpAdditions.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// Puts back a stored state of libtorch's CPU generator (<c>torch.get_rng_state()</c>). libtorch refuses a malformed
/// state with a C++ exception that TorchSharp lets through, which ends the process, so every check libtorch 2.10's
/// <c>CPUGeneratorImpl::set_state</c> makes is made here first.
/// </summary>
internal static class GeneratorStates
{
    // CPUGeneratorImplState begins with the legacy state: u64 initial seed, i32 left, i32 seeded, u64 next, then the
    // mt19937 words. The engine is valid when seeded, 1 <= left <= N and next <= N.
    private const int LeftOffset = 8;
    private const int SeededOffset = 12;
    private const int NextOffset = 16;
    private const int MersenneStateWords = 624;

    /// <summary>Sets the global generator to <paramref name="record"/>.</summary>
    /// <exception cref="InvalidDataException">libtorch would refuse it; the message says why.</exception>
    public static void Restore(StoredTensor record)
    {
        long expected;
        using (var current = torch.random.get_rng_state()) expected = current.numel();
        if (record.DType != ScalarType.Byte || record.Shape.Length != 1 || record.Data.Length != expected)
            throw new InvalidDataException(
                $"the generator state is {record.DType.TorchName()} [{string.Join(", ", record.Shape)}], not the uint8 [{expected}] libtorch keeps");
        var bytes = record.Data.AsSpan();
        var left = BinaryPrimitives.ReadInt32LittleEndian(bytes[LeftOffset..]);
        var seeded = BinaryPrimitives.ReadInt32LittleEndian(bytes[SeededOffset..]);
        var next = (uint)BinaryPrimitives.ReadUInt64LittleEndian(bytes[NextOffset..]);
        if (seeded == 0 || left is < 1 or > MersenneStateWords || next > MersenneStateWords)
            throw new InvalidDataException($"the generator state is not a valid mt19937 state (seeded {seeded}, left {left}, next {next})");
        using var state = TensorRecords.ToTensor(record);
        torch.random.set_rng_state(state);
    }
}
