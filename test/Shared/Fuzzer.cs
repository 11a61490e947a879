using System.Buffers.Binary;

namespace ModelZoo.Testing;

/// <summary>
/// Seeded mutation fuzzing for file parsers. Each iteration damages a copy of a valid input (bit flips,
/// byte changes, huge values at header offsets, truncation, inserted, deleted or repeated chunks, random
/// bytes behind the magic) and the parser must either accept it or throw one of its documented exception
/// types. Iteration i of seed s always makes the same input, so a failure names both, and
/// <see cref="RandomFor"/> rebuilds the input to debug it.
/// </summary>
/// <remarks>Linked into every test project that fuzzes a parser (one copy of the mutator).</remarks>
internal static class Fuzzer
{
    /// <summary>Inputs each parser's fuzz test tries.</summary>
    public const int Iterations = 10_000;

    /// <summary>A run taking longer than this counts as a hang.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(1);

    /// <summary>Headers live near the start: huge values are planted there three times in four.</summary>
    private const int HeaderSpan = 64;

    private static readonly ulong[] HugeValues =
        [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x4000_0000, 0x7FFF_FFFF_FFFF_FFFF, ulong.MaxValue];

    /// <summary>
    /// Where fuzz tests write their inputs: /dev/shm (memory) where it exists, since ten thousand writes
    /// to disk can take half a minute on a busy machine; else the temp folder.
    /// </summary>
    public static string ScratchRoot { get; } = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    /// <summary>The random source of one iteration: the same for the same seed and iteration, on every run.</summary>
    public static Random RandomFor(int seed, int iteration) => new(unchecked(seed * 1_000_003 + iteration) & int.MaxValue);

    /// <summary>A damaged copy of <paramref name="original"/>: one to three mutations stacked.</summary>
    public static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = original;
        for (int step = random.Next(1, 4); step > 0; step--)
            bytes = MutateOnce(bytes, random);
        return bytes;
    }

    /// <summary>A damaged copy of one of <paramref name="originals"/>, chosen at random.</summary>
    public static byte[] Mutate(IReadOnlyList<byte[]> originals, Random random) => Mutate(originals[random.Next(originals.Count)], random);

    /// <summary>
    /// Feeds <see cref="Iterations"/> inputs made by <paramref name="input"/> to <paramref name="parse"/>. An
    /// exception whose type is not exactly one of <paramref name="documented"/> fails the test, naming the
    /// seed, the iteration and the exception; so does a run that does not finish within a minute.
    /// </summary>
    /// <returns>How many inputs were accepted and how many refused, so a test can show that both happened.</returns>
    public static (int Accepted, int Refused) Run(int seed, Func<Random, byte[]> input, Action<byte[]> parse, params Type[] documented)
    {
        int current = -1;
        var outcome = Task.Run(() =>
        {
            int accepted = 0, refused = 0;
            for (int iteration = 0; iteration < Iterations; iteration++)
            {
                Volatile.Write(ref current, iteration);
                byte[] bytes = input(RandomFor(seed, iteration));
                try
                {
                    parse(bytes);
                    accepted++;
                }
                catch (Exception e) when (Array.IndexOf(documented, e.GetType()) >= 0)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    return (accepted, refused, Failure: $"seed {seed}, iteration {iteration} ({bytes.Length} bytes): undocumented {e.GetType().Name}: {e}");
                }
            }
            return (accepted, refused, Failure: (string?)null);
        });
        if (!outcome.Wait(HangLimit))
            Assert.Fail($"seed {seed}: iteration {Volatile.Read(ref current)} was still running after {HangLimit.TotalSeconds} s (a hang?)");
        (int accepted, int refused, string? failure) = outcome.Result;
        if (failure is not null)
            Assert.Fail(failure);
        return (accepted, refused);
    }

    private static byte[] MutateOnce(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
            return RandomBytes(random, random.Next(1, 64));
        switch (random.Next(9))
        {
            case 0: return FlipBits(bytes, random);
            case 1: return SetBytes(bytes, random);
            case 2:
            case 3: return PlantHugeValue(bytes, random);
            case 4: return bytes[..random.Next(bytes.Length)];
            case 5: return Splice(bytes, random.Next(bytes.Length + 1), 0, RandomBytes(random, random.Next(1, 65)));
            case 6:
                int start = random.Next(bytes.Length);
                return Splice(bytes, start, random.Next(1, Math.Min(64, bytes.Length - start) + 1), []);
            case 7:
                int from = random.Next(bytes.Length);
                byte[] chunk = bytes[from..Math.Min(bytes.Length, from + random.Next(1, 257))];
                return Splice(bytes, random.Next(bytes.Length + 1), 0, chunk);
            default:
                // Random bytes after a kept prefix, so some get past the magic and into the parser proper.
                int kept = random.Next(Math.Min(bytes.Length, 16) + 1);
                return [.. bytes[..kept], .. RandomBytes(random, random.Next(bytes.Length * 2))];
        }
    }

    private static byte[] FlipBits(byte[] bytes, Random random)
    {
        byte[] copy = [.. bytes];
        for (int flips = random.Next(1, 9); flips > 0; flips--)
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] SetBytes(byte[] bytes, Random random)
    {
        byte[] copy = [.. bytes];
        for (int changes = random.Next(1, 5); changes > 0; changes--)
            copy[random.Next(copy.Length)] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)HugeValues[random.Next(5)];
        return copy;
    }

    /// <summary>A 2, 4 or 8 byte integer of an extreme value, either byte order, where a size field may be.</summary>
    private static byte[] PlantHugeValue(byte[] bytes, Random random)
    {
        byte[] copy = [.. bytes];
        int width = 2 << random.Next(3);
        int span = random.Next(4) == 0 ? copy.Length : Math.Min(copy.Length, HeaderSpan);
        int offset = random.Next(span);
        Span<byte> value = stackalloc byte[8];
        ulong huge = HugeValues[random.Next(HugeValues.Length)];
        if (random.Next(2) == 0) BinaryPrimitives.WriteUInt64LittleEndian(value, huge);
        else BinaryPrimitives.WriteUInt64BigEndian(value, huge << (64 - 8 * width));
        value[..Math.Min(width, copy.Length - offset)].CopyTo(copy.AsSpan(offset));
        return copy;
    }

    private static byte[] Splice(byte[] bytes, int at, int remove, byte[] insert) =>
        [.. bytes[..at], .. insert, .. bytes[(at + remove)..]];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
