using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.TorchSharpAdditions.Tests;

public sealed class DevicePolicyTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void CpuIsAlwaysTheCpu(string setting) => Assert.Equal(DeviceType.CPU, DevicePolicy.Resolve(setting).type);

    [Fact]
    public void AutoTakesCudaExactlyWhenTorchSharpFindsIt() =>
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, DevicePolicy.Resolve("auto").type);

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    public void CudaWithoutABackendIsAnErrorThatSaysHowToGetOne(string setting)
    {
        if (cuda.is_available()) return; // a CUDA machine resolves these; the CPU-only case is the one checked here
        var error = Assert.Throws<ArgumentException>(() => DevicePolicy.Resolve(setting));
        Assert.Contains($"device '{setting}' needs CUDA", error.Message);
        Assert.Contains("-p:TorchBackend=cuda-linux", error.Message);
        Assert.Equal(DeviceType.CPU, DevicePolicy.Resolve(setting, fallbackToCpu: true).type);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void OtherSpellingsAreRejectedByName(string setting) =>
        Assert.Equal($"unknown device '{setting}': expected auto, cpu, cuda or cuda:N",
            Assert.Throws<ArgumentException>(() => DevicePolicy.Resolve(setting)).Message);
}
