using ModelZoo.Pipelines.Reports;

namespace ModelZoo.Pipelines.Tests.Reports;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(950, "950")]
    [InlineData(12_000, "12K")]
    [InlineData(1_235_496, "1.24M")]
    [InlineData(11_689_512, "11.7M")]
    [InlineData(300_774_272, "301M")]
    [InlineData(1_814_083_298, "1.81G")]
    public void CountsGetSiSuffixesAndThreeDigits(double value, string expected) => Assert.Equal(expected, ReportFormat.Count(value));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(5034, "4.9 KiB")]
    [InlineData(44_700_000, "42.6 MiB")]
    public void BytesUseBinaryUnits(long value, string expected) => Assert.Equal(expected, ReportFormat.Bytes(value));

    [Fact]
    public void PercentHasTwoDecimals() => Assert.Equal("91.23%", ReportFormat.Percent(0.91234));
}
