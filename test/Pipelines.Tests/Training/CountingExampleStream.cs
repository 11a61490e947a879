using ModelZoo.Pipelines.Data;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// A data set read in order only, like a folder of files behind an ML.NET cursor: its examples come from an in-memory
/// data set, each made on demand, and it reports how many have been made; a shuffled pass goes through a pool.
/// Examples listed in <paramref name="unreadable"/> fail to decode, naming themselves.
/// </summary>
internal sealed class CountingExampleStream(IImageDataset source, int poolSize, params int[] unreadable) : IExampleStream
{
    private long made;

    /// <summary>Called with the count of examples made so far, over every pass, as each is made (on the thread that reads the stream).</summary>
    public Action<long>? ExampleMade { get; set; }

    public int Count => source.Count;
    public IReadOnlyList<string> ClassNames => source.ClassNames;
    public int Channels => source.Channels;
    public (int Height, int Width)? FixedSize => source.FixedSize;

    public IEnumerable<StreamedExample> Read(int? shuffleSeed) =>
        shuffleSeed is int seed ? PoolShuffle.Shuffle(InOrder(), poolSize, new Random(seed)) : InOrder();

    private IEnumerable<StreamedExample> InOrder()
    {
        for (var i = 0; i < source.Count; i++)
        {
            var image = source.GetImage(i);
            var name = $"example {i}";
            var count = Interlocked.Increment(ref made);
            ExampleMade?.Invoke(count);
            yield return new StreamedExample(source.GetLabel(i), name,
                unreadable.Contains(i) ? () => throw new InvalidDataException($"{name}: not an image") : () => image);
        }
    }
}
