using System.Text;

namespace ForwardDiff.Cli.Expressions;

/// <summary>The expression text is not valid: where, why, and what would have been accepted there.</summary>
/// <remarks>A <see cref="FormatException"/>, as .NET parsers use for malformed text.</remarks>
internal sealed class ExpressionParseException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="source">The whole expression.</param>
    /// <param name="position">0-based index of the offending character (may equal the length: the end).</param>
    /// <param name="length">How many characters to underline (at least 1).</param>
    /// <param name="reason">What is wrong, e.g. "unexpected ')'".</param>
    /// <param name="expected">What the parser would have accepted there, or <see langword="null"/>.</param>
    /// <param name="hint">A suggestion such as "did you mean 'sin'?", or <see langword="null"/>.</param>
    public ExpressionParseException(string source, int position, int length, string reason, string? expected, string? hint)
        : base(Compose(position, reason, expected, hint))
    {
        SourceText = source;
        Position = position;
        Length = Math.Max(1, length);
        Reason = reason;
        Expected = expected;
        Hint = hint;
    }

    /// <summary>The whole expression.</summary>
    public string SourceText { get; }

    /// <summary>0-based index of the offending character.</summary>
    public int Position { get; }

    /// <summary>1-based column, as shown to users.</summary>
    public int Column => Position + 1;

    /// <summary>How many characters the caret line underlines.</summary>
    public int Length { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>What would have been accepted, if that is a short list.</summary>
    public string? Expected { get; }

    /// <summary>A suggestion, if there is one.</summary>
    public string? Hint { get; }

    /// <summary>
    /// The message followed by the expression and a caret line under the offending column. Long expressions are
    /// cut to a window of about 70 characters around the error, with "…" where text was left out.
    /// </summary>
    /// <returns>Three lines of text.</returns>
    public string Render()
    {
        const int Window = 70;
        var start = 0;
        var end = SourceText.Length;
        if (SourceText.Length > Window)
        {
            start = Math.Clamp(Position - (Window / 2), 0, Math.Max(0, SourceText.Length - Window));
            end = Math.Min(SourceText.Length, start + Window);
        }

        var prefix = start > 0 ? "…" : string.Empty;
        var suffix = end < SourceText.Length ? "…" : string.Empty;
        var shown = new StringBuilder(end - start);
        foreach (var c in SourceText.AsSpan(start, end - start))
        {
            shown.Append(char.IsControl(c) ? ' ' : c);
        }

        var caretColumn = prefix.Length + (Position - start);
        var underline = Math.Max(1, Math.Min(Length, end - Position));
        var sb = new StringBuilder();
        sb.Append("error: ").AppendLine(Message);
        sb.Append("  ").Append(prefix).Append(shown).AppendLine(suffix);
        sb.Append("  ").Append(' ', caretColumn).Append('^', underline);
        return sb.ToString();
    }

    private static string Compose(int position, string reason, string? expected, string? hint)
    {
        var message = $"{reason} at column {position + 1}";
        if (expected is not null)
        {
            message += $"; expected {expected}";
        }

        if (hint is not null)
        {
            message += $"; {hint}";
        }

        return message;
    }
}
