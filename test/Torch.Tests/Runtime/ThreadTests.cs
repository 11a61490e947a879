namespace ModelZoo.Torch.Tests.Runtime;

// The intra-op thread count is process state: change it only while nothing else runs.
[Collection(GlobalStateCollection.Name)]
public class ThreadTests
{
    [Fact]
    public void SetNumThreadsIsHonouredByGetNumThreads()
    {
        var previous = torch.get_num_threads();
        try
        {
            torch.set_num_threads(2);
            Assert.Equal(2, torch.get_num_threads());
            torch.set_num_threads(1);
            Assert.Equal(1, torch.get_num_threads());
            // Work still runs and gives the same answer on one thread.
            Assert.Equal(4950f, torch.arange(100, ScalarType.Float32).sum().item<float>());
        }
        finally
        {
            torch.set_num_threads(previous);
        }
        Assert.Equal(previous, torch.get_num_threads());
    }

    [Fact]
    public void ANewThreadStartsWithTheConfiguredCount()
    {
        var previous = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            var seen = 0;
            var thread = new Thread(() => seen = torch.get_num_threads());
            thread.Start();
            thread.Join();
            Assert.Equal(1, seen);
        }
        finally
        {
            torch.set_num_threads(previous);
        }
    }

    [Fact]
    public void ANonPositiveCountIsRejected()
    {
        var previous = torch.get_num_threads();
        var error = Assert.Throws<TorchException>(() => torch.set_num_threads(0));
        Assert.Contains("must be >= 1", error.Message);
        Assert.Equal(previous, torch.get_num_threads());
    }

    [Fact]
    public void TensorsCanBeUsedFromSeveralThreadsAtOnce()
    {
        var results = new float[4];
        var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
        {
            for (var step = 0; step < 200; step++)
            {
                using var scope = torch.NewDisposeScope();
                results[i] = torch.full([8, 8], i).matmul(torch.ones([8, 8])).sum().item<float>();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(new[] { 0f, 512f, 1024f, 1536f }, results);
    }
}
