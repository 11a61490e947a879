using ModelZoo.Tests.Shared;

namespace ModelZoo.Cli.Tests;

/// <summary>What a log file gets when the CLI's output is redirected: plain text, whole table rows, a line per epoch.</summary>
public sealed class LogOutputTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly string root = Path.Combine(Path.GetTempPath(), "mz-cli-log-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_redirected_table_keeps_every_row_whole_and_has_no_escape_codes()
    {
        var list = CliProcess.Run("list", "shufflenet*");
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.DoesNotContain(Escape, list.Output);
        // At 80 columns this row wrapped its description over six lines; in a log it is one.
        var row = Assert.Single(list.Output.Split('\n'), line => line.Contains("shufflenet_v1_g1_x0_5"));
        Assert.Contains("533,484", row);
        Assert.Contains("38.5 M", row);
        Assert.Contains("(width rule: stages rounded to multiples of 4g)", row);
    }

    [Fact]
    public void Training_into_a_log_writes_a_line_per_epoch_with_speed_and_time_left_and_no_escape_codes()
    {
        BrightnessImages.Write(Path.Combine(root, "images"), perClass: 12, side: 16, seed: 5, ("dark", 40), ("light", 210));
        var train = CliProcess.Run(new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "train", "mobilenet_v1_x0_25",
            "--data", "folder:" + Path.Combine(root, "images"), "--epochs", "2", "--batch-size", "4", "--input-size", "16",
            "--out", Path.Combine(root, "run"));
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.DoesNotContain(Escape, train.Output);
        var epochLines = train.Output.Split('\n').Where(line => line.Contains(" done: ")).ToList();
        Assert.Equal(["epoch 1/2", "epoch 2/2"], epochLines.Select(line => line[..9]));
        Assert.All(epochLines, line => Assert.Matches(@"\d+ img/s, \d+ s, \d+ s left", line));
        Assert.EndsWith("0 s left", epochLines[^1].TrimEnd());
        // The metrics table: each metric's name and value on one line.
        Assert.Matches(@"MicroAccuracy \(top-1\) +│ +\d\.\d{4}", train.Output);
    }
}
