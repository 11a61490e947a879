namespace ModelZoo.TorchSharpAdditions.Tests;

// The allocator policy is process state: change it only while nothing else runs. What each policy buys is
// measured by `modelzoo benchmark` (docs/performance.md), not timed here; the CLI tests check that the
// policy the environment asks for is the one applied.
[Collection(GlobalStateCollection.Name)]
public class CpuAllocatorTests
{
    [Fact]
    public void RetentionTurnsOnAndFreedMemoryCanBeReleased()
    {
        Assert.True(CpuAllocator.RetainFreedMemory(), "glibc offers the switch on this machine");
        Assert.True(CpuAllocator.RetainsFreedMemory);
        Assert.True(CpuAllocator.RetainFreedMemory()); // a second call changes nothing

        // A freed block stays in the process, so releasing afterwards has something to hand back.
        using (var block = torch.ones([16L << 20])) Assert.Equal(16L << 20, block.numel());
        Assert.True(CpuAllocator.ReleaseFreedMemory());
    }

    [Theory]
    [InlineData(CpuAllocatorPolicy.Retain, "retain")]
    [InlineData(CpuAllocatorPolicy.System, "system")]
    [InlineData(CpuAllocatorPolicy.SystemHugePages, "thp")]
    public void PoliciesHaveTheirReportNames(CpuAllocatorPolicy policy, string name) =>
        Assert.Equal(name, CpuAllocator.Name(policy));
}
