using Spectre.Console;
using Spectre.Console.Rendering;

namespace ModelZoo.Cli;

/// <summary>
/// A table of plain strings that never cuts a number or a name. Spectre.Console fits a table that is too wide for the
/// console by wrapping its cells anywhere, mid-number and mid-name. This table is drawn by Spectre only when every
/// column fits whole at the console's width (a terminal's, or <see cref="ConsoleSetup.LogWidth"/> in a log); otherwise
/// each row becomes a block: the first cell as its heading, then one "header  value" line per other column.
/// </summary>
internal sealed class ConsoleTable
{
    /// <summary>Wider than any table: measured against it, each column is as wide as its widest cell.</summary>
    private const int Unbounded = int.MaxValue / 2;

    private readonly string[] headers;
    private readonly bool[] rightAligned;
    private readonly List<string[]> rows = [];

    internal ConsoleTable(params string[] headers)
    {
        if (headers.Length == 0) throw new ArgumentException("a table needs at least one column", nameof(headers));
        this.headers = headers;
        rightAligned = new bool[headers.Length];
    }

    /// <summary>Right-aligns the named columns when the table is drawn as a table (numbers, so their digits line up).</summary>
    internal ConsoleTable RightAligned(params string[] columns)
    {
        foreach (var header in columns)
        {
            var index = Array.IndexOf(headers, header);
            if (index < 0) throw new ArgumentException($"the table has no column '{header}'", nameof(columns));
            rightAligned[index] = true;
        }
        return this;
    }

    /// <summary>Adds a row of plain text, one cell per column; square brackets are text, not markup.</summary>
    internal ConsoleTable AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"a row of this table has {headers.Length} cells, got {cells.Length}", nameof(cells));
        rows.Add(cells);
        return this;
    }

    internal void Write() => Write(AnsiConsole.Console);

    internal void Write(IAnsiConsole console)
    {
        var table = new Table();
        for (var column = 0; column < headers.Length; column++)
            table.AddColumn(new TableColumn(new Text(headers[column])) { Alignment = rightAligned[column] ? Justify.Right : Justify.Left, NoWrap = true });
        foreach (var row in rows) table.AddRow(row.Select(cell => new Text(cell)));
        var naturalWidth = ((IRenderable)table).Measure(RenderOptions.Create(console), Unbounded).Max;
        console.Write(naturalWidth <= console.Profile.Width ? table : new Blocks(headers, rows));
    }

    /// <summary>
    /// The vertical layout. Spectre's own text wraps at the console's width by cutting a word that does not fit;
    /// these lines wrap only between words, and a word wider than the console stays whole on a line of its own.
    /// </summary>
    private sealed class Blocks(string[] headers, List<string[]> rows) : Renderable
    {
        private const string Indent = "  ";
        private const string Gap = "  ";
        private static readonly Style Heading = new(decoration: Decoration.Bold);

        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            var labelWidth = headers.Skip(1).Select(Width).DefaultIfEmpty(0).Max();
            var valueIndent = new string(' ', Indent.Length + labelWidth + Gap.Length);
            for (var index = 0; index < rows.Count; index++)
            {
                var row = rows[index];
                if (index > 0) yield return Segment.LineBreak;
                foreach (var line in Wrap(row[0], maxWidth))
                {
                    yield return new Segment(line, Heading);
                    yield return Segment.LineBreak;
                }
                for (var column = 1; column < headers.Length; column++)
                {
                    var label = Indent + headers[column] + new string(' ', labelWidth - Width(headers[column])) + Gap;
                    var lines = Wrap(row[column], maxWidth - valueIndent.Length);
                    for (var line = 0; line < lines.Count; line++)
                    {
                        yield return new Segment(((line == 0 ? label : valueIndent) + lines[line]).TrimEnd());
                        yield return Segment.LineBreak;
                    }
                }
            }
        }

        /// <summary><paramref name="text"/> in lines of at most <paramref name="width"/> cells, broken only at spaces.</summary>
        private static List<string> Wrap(string text, int width)
        {
            if (Width(text) <= width) return [text];
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && Width(line) + 1 + Width(word) > width)
                {
                    lines.Add(line);
                    line = "";
                }
                line = line.Length == 0 ? word : line + " " + word;
            }
            lines.Add(line);
            return lines;
        }

        private static int Width(string text) => new Segment(text).CellCount();
    }
}
