using System.Globalization;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Commands;

/// <summary>One <c>--at</c> entry: a name (or <see langword="null"/> for a bare value) and its value.</summary>
/// <param name="Name">The variable name, or <see langword="null"/>.</param>
/// <param name="Value">The value.</param>
internal readonly record struct Assignment(string? Name, double Value);

/// <summary>Parses <c>--at</c> values: <c>1</c>, <c>-1</c>, <c>pi/4</c>, <c>x=1,y=2</c>.</summary>
/// <remarks>Each value is itself a constant expression, so <c>--at x=pi/4,y=-2e-3</c> works.</remarks>
internal static class Points
{
    /// <summary>Splits <paramref name="text"/> at top-level commas and parses each entry.</summary>
    /// <param name="text">The option value.</param>
    /// <returns>The entries in order.</returns>
    /// <exception cref="UsageException">An entry is malformed, a name repeats, or a value is not a constant.</exception>
    public static List<Assignment> Parse(string text)
    {
        var result = new List<Assignment>();
        foreach (var part in SplitTopLevel(text, ','))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
            {
                throw new UsageException($"--at \"{text}\" has an empty entry; write --at x=1,y=2 or --at 1");
            }

            string? name = null;
            var valueText = entry;
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                name = entry[..eq].Trim();
                valueText = entry[(eq + 1)..].Trim();
                if (!IsName(name))
                {
                    throw new UsageException($"--at entry \"{entry}\": '{name}' is not a variable name; write name=value, e.g. x=1");
                }

                if (result.Exists(a => a.Name == name))
                {
                    throw new UsageException($"--at gives '{name}' twice");
                }
            }

            result.Add(new Assignment(name, Constant(valueText, name ?? "the point")));
        }

        return result;
    }

    /// <summary>Evaluates a constant expression such as <c>-1</c> or <c>pi/4</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">What the value is for (used in messages).</param>
    /// <returns>The value.</returns>
    /// <exception cref="UsageException">The text is not a constant expression.</exception>
    public static double Constant(string text, string what)
    {
        Expression e;
        try
        {
            e = Expression.Parse(text);
        }
        catch (ExpressionParseException ex)
        {
            throw new UsageException($"the value for {what} is not a number:\n{ex.Render()}");
        }

        if (e.Variables.Count > 0)
        {
            throw new UsageException($"the value for {what} must be a number, but \"{text}\" uses the variable '{e.Variables[0]}'");
        }

        return e.Evaluate<double>([]);
    }

    /// <summary>Splits at <paramref name="separator"/> outside parentheses.</summary>
    /// <param name="text">The text.</param>
    /// <param name="separator">The separator.</param>
    /// <returns>The parts (possibly empty strings).</returns>
    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    if (text[i] == separator && depth == 0)
                    {
                        parts.Add(text[start..i]);
                        start = i + 1;
                    }

                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Formats <c>x = 1, y = 2</c>.</summary>
    /// <param name="names">The names.</param>
    /// <param name="values">The values.</param>
    /// <param name="ctx">For number formatting.</param>
    /// <returns>The text.</returns>
    public static string Describe(IReadOnlyList<string> names, IReadOnlyList<double> values, CommandContext ctx) =>
        string.Join(", ", names.Select((n, i) => $"{n} = {ctx.F(values[i])}"));

    private static bool IsName(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_')
        && !FunctionTable.Constants.ContainsKey(s);

    /// <summary>Formats a double for messages in round-trip form.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Its text.</returns>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
