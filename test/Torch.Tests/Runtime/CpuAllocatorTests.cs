namespace ModelZoo.Torch.Tests.Runtime;

// The allocator policy is process state: change it only while nothing else runs. What retention buys is
// measured by `modelzoo benchmark` (docs/performance.md), not timed here.
[Collection(GlobalStateCollection.Name)]
public class CpuAllocatorTests
{
    [Fact]
    public void RetentionTurnsOnOnceAndFreedMemoryCanBeReleased()
    {
        Assert.True(CpuAllocator.RetainFreedMemory(), "glibc offers the switch on this machine");
        Assert.True(CpuAllocator.RetainsFreedMemory);
        Assert.True(CpuAllocator.RetainFreedMemory()); // a second call changes nothing

        // A freed block stays in the process, so releasing afterwards has something to hand back.
        using (var block = torch.ones([16L << 20])) Assert.Equal(16L << 20, block.numel());
        Assert.True(CpuAllocator.ReleaseFreedMemory());
    }
}
