using Spectre.Console;

namespace ModelZoo.Cli.Tests;

/// <summary>
/// <see cref="ConsoleTable"/>: a table when every column fits the console whole, one block per row when not; in
/// neither layout is a number or a name cut.
/// </summary>
public sealed class ConsoleTableTests
{
    private const string Description = "SqueezeNet 1.1: 2.4x less computation than 1.0 [x2.4], without sacrificing accuracy";

    private static ConsoleTable Models() =>
        new ConsoleTable("architecture", "params", "MACs", "top-1", "description").RightAligned("params", "MACs", "top-1")
            .AddRow("squeezenet1_1", "1,235,496", "352.3 M", "0.8512", Description)
            .AddRow("mobilenet_v3_small", "421,642", "60.1 M", "0.7904", "MobileNetV3-Small");

    private static string[] Render(ConsoleTable table, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        table.Write(console);
        return writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void A_table_that_fits_is_drawn_as_a_table_with_each_row_on_one_line()
    {
        var lines = Render(Models(), 200);
        var header = Assert.Single(lines, line => line.Contains("architecture"));
        Assert.Matches("architecture +│ +params +│ +MACs +│ +top-1 +│ +description", header);
        var first = Assert.Single(lines, line => line.Contains("squeezenet1_1"));
        Assert.Matches(@"│ squeezenet1_1 +│ 1,235,496 │ 352.3 M │ 0\.8512 │ " + System.Text.RegularExpressions.Regex.Escape(Description) + " │", first);
        var second = Assert.Single(lines, line => line.Contains("mobilenet_v3_small"));
        // Right-aligned: the shorter count ends where the longer one does.
        Assert.Equal(first.IndexOf("1,235,496", StringComparison.Ordinal) + "1,235,496".Length,
            second.IndexOf("421,642", StringComparison.Ordinal) + "421,642".Length);
        Assert.Equal(first.IndexOf("352.3 M", StringComparison.Ordinal), second.IndexOf(" 60.1 M", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_wider_than_the_console_becomes_one_block_per_row_with_every_value_whole()
    {
        var lines = Render(Models(), 40);
        Assert.DoesNotContain(lines, line => line.Contains('│'));
        Assert.Equal("squeezenet1_1", lines[0]);
        Assert.Equal("  params       1,235,496", Assert.Single(lines, line => line.Contains("1,235,496")));
        Assert.Equal("  MACs         352.3 M", Assert.Single(lines, line => line.Contains("352.3 M")));
        Assert.Equal("  top-1        0.8512", Assert.Single(lines, line => line.Contains("0.8512")));
        Assert.Equal("  top-1        0.7904", Assert.Single(lines, line => line.Contains("0.7904")));
        Assert.Equal("  params       421,642", Assert.Single(lines, line => line.Contains("421,642")));
        Assert.All(lines, line => Assert.True(line.Length <= 40, $"'{line}' is longer than 40"));
        // The description wraps between words, under its first line, and reads the same when joined again.
        var start = Array.FindIndex(lines, line => line.StartsWith("  description  ", StringComparison.Ordinal));
        var end = Array.IndexOf(lines, "", start);
        Assert.True(end - start > 1, "the description should need more than one line at 40 columns");
        Assert.All(lines[(start + 1)..end], line => Assert.StartsWith("               ", line));
        Assert.Equal(Description, string.Join(' ', lines[start..end].Select(line => line[15..])));
        Assert.Equal(["mobilenet_v3_small", "  params       421,642", "  MACs         60.1 M", "  top-1        0.7904", "  description  MobileNetV3-Small"],
            lines[(end + 1)..]);
    }

    [Fact]
    public void A_word_wider_than_the_console_stays_whole_on_a_line_of_its_own()
    {
        const string path = "/data/images/validation/n01440764_tench/ILSVRC2012_val_00000293.JPEG";
        var table = new ConsoleTable("image", "prediction", "top classes")
            .AddRow(path, "tench", "tench 91.2%, goldfish 3.4%, great white shark 1.1%");
        var lines = Render(table, 30);
        Assert.Equal(path, lines[0]);
        Assert.All(lines[1..], line => Assert.True(line.Length <= 30, $"'{line}' is longer than 30"));
        Assert.Equal(["  prediction   tench", "  top classes  tench 91.2%,", "               goldfish 3.4%,", "               great white", "               shark 1.1%"],
            lines[1..]);
    }

    [Fact]
    public void A_table_exactly_as_wide_as_the_console_stays_a_table_and_one_column_less_does_not()
    {
        var natural = Render(Models(), 200);
        var width = natural.Max(line => line.Length);
        Assert.Equal(natural, Render(Models(), width));
        var narrower = Render(Models(), width - 1);
        Assert.DoesNotContain(narrower, line => line.Contains('│'));
        Assert.Contains("  params       1,235,496", narrower);
    }
}
