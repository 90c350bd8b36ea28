using System.Text;

namespace ForwardDiff.Cli.Output;

/// <summary>A plain-text table with left-aligned columns separated by two spaces.</summary>
/// <remarks>
/// Design note: plain aligned text rather than Spectre.Console boxes. The output is the same on a terminal and
/// when redirected, golden tests compare it byte for byte, and numbers stay copy-pasteable.
/// </remarks>
internal sealed class TextTable
{
    private readonly List<string[]> rows = [];
    private readonly int columns;

    /// <summary>Creates a table with a header row.</summary>
    /// <param name="header">Column titles.</param>
    public TextTable(params string[] header)
    {
        columns = header.Length;
        rows.Add(header);
    }

    /// <summary>Adds a row; missing cells are blank.</summary>
    /// <param name="cells">The cells.</param>
    public void Add(params string[] cells)
    {
        var row = new string[columns];
        for (var i = 0; i < columns; i++)
        {
            row[i] = i < cells.Length ? cells[i] : string.Empty;
        }

        rows.Add(row);
    }

    /// <summary>Renders the table, each line indented by <paramref name="indent"/> spaces.</summary>
    /// <param name="indent">Leading spaces.</param>
    /// <returns>The lines, each ending in a newline.</returns>
    public string Render(int indent = 0)
    {
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            line.Append(' ', indent);
            for (var i = 0; i < columns; i++)
            {
                line.Append(row[i]);
                if (i < columns - 1)
                {
                    line.Append(' ', widths[i] - row[i].Length + 2);
                }
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }
}
