namespace ModelZoo.Torch.Tests.Runtime;

public class DeviceTests
{
    private static bool BuiltWithCuda => torch.build_info.Contains("cuda=1", StringComparison.Ordinal);

    [Fact]
    public void CudaAvailabilityAgreesWithTheBuildAndTheDeviceCount()
    {
        var available = torch.cuda.is_available();
        var count = torch.cuda.device_count();
        Assert.Equal(available, count > 0);
        if (!BuiltWithCuda)
        {
            Assert.False(available);
            Assert.Equal(0, count);
        }
    }

    [Fact]
    public void ToCudaRoundTripsWhenADeviceIsPresentAndFailsCleanlyOtherwise()
    {
        var x = torch.tensor(new[] { 1f, 2f });
        if (torch.cuda.is_available())
        {
            var onGpu = x.cuda();
            Assert.Equal(new Device(DeviceType.CUDA, 0), onGpu.device);
            Assert.Equal(new[] { 2f, 4f }, onGpu.mul(2).cpu().data<float>());
        }
        else
        {
            Assert.Throws<TorchException>(() => x.cuda());
        }
        // Either way the process goes on and the next call works.
        Assert.Equal(new[] { 2f, 4f }, x.mul(2).data<float>());
    }

    [Theory]
    [InlineData("cpu", DeviceType.CPU, -1)]
    [InlineData(" CUDA ", DeviceType.CUDA, 0)]
    [InlineData("cuda:3", DeviceType.CUDA, 3)]
    public void ParseAcceptsPyTorchSpellings(string text, DeviceType type, int index) =>
        Assert.Equal(new Device(type, index), Device.Parse(text));

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void ParseRejectsOtherSpellings(string text) =>
        Assert.Throws<ArgumentException>(() => Device.Parse(text));

    [Fact]
    public void DeviceNamesRoundTrip()
    {
        Assert.Equal("cpu", Device.CPU.ToString());
        Assert.Equal("cuda:1", new Device(DeviceType.CUDA, 1).ToString());
    }
}
