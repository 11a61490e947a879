using System.Text.RegularExpressions;

namespace ModelZoo.Torch.Tests.Runtime;

public class LibraryTests
{
    [Fact]
    public void ReportsTheLibtorchVersionItWasBuiltAgainst() =>
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), torch.__version__);

    [Fact]
    public void ReportsWhereTheNativeLibraryWasLoadedFrom()
    {
        var path = torch.native_library_path;
        Assert.NotNull(path);
        Assert.EndsWith("libmznative.so", path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void ReportsBuildFacts() =>
        Assert.Matches(new Regex(@"^mkldnn=[01] openmp=[01] cuda=[01]$"), torch.build_info);
}
