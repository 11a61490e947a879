using System.Diagnostics;

namespace ModelZoo.Pipelines.Tests.Reports;

/// <summary>Runs Chromium headless on a local file, with a fresh profile and a hard time limit.</summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The browser on PATH; a missing browser fails the test, because CI installs one and a skip would hide the gap.</summary>
    private static string Executable()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin");
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            foreach (var directory in directories)
                if (File.Exists(Path.Combine(directory, name))) return Path.Combine(directory, name);
        Assert.Fail("Chromium is not installed (looked for chromium, chromium-browser and google-chrome on PATH); install it, e.g. `apt-get install chromium`, to run the HTML report tests.");
        return "";
    }

    /// <summary>Opens <paramref name="htmlPath"/> with the extra <paramref name="arguments"/> (e.g. --dump-dom) and returns standard output.</summary>
    public static async Task<string> Run(string htmlPath, params string[] arguments)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + profile.Path, "--window-size=1280,2400", .. arguments, new Uri(htmlPath).AbsoluteUri])
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Limit.TotalSeconds} s and was killed");
        }
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
        return await output;
    }
}
