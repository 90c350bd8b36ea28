using ForwardDiff.Cli.Calculus;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Commands;

/// <summary>Binds parsed expressions to the point given with <c>--at</c>.</summary>
internal static class Inputs
{
    /// <summary>For one-variable commands: the expression, its variable and the point.</summary>
    /// <param name="expression">The parsed expression (at most one variable).</param>
    /// <param name="at">The <c>--at</c> text: <c>1</c> or <c>x=1</c>.</param>
    /// <param name="command">The command name, for messages.</param>
    /// <returns>The bound expression, the variable name (<c>x</c> for a constant expression) and the point.</returns>
    /// <exception cref="UsageException">More than one variable, more than one point, or a name mismatch.</exception>
    public static (BoundExpression F, string Name, double X) Single(Expression expression, string at, string command)
    {
        if (expression.Variables.Count > 1)
        {
            throw new UsageException(
                $"{command} works on one variable, but \"{expression.Source}\" has {expression.Variables.Count}: " +
                $"{string.Join(", ", expression.Variables)}; use 'fdiff gradient' or 'fdiff hessian' with --at {string.Join(",", expression.Variables.Select(v => v + "=…"))}");
        }

        var points = Points.Parse(at);
        if (points.Count != 1)
        {
            throw new UsageException($"{command} takes one point, e.g. --at 1 or --at x=1; got {points.Count} entries in \"{at}\"");
        }

        var name = points[0].Name ?? (expression.Variables.Count == 1 ? expression.Variables[0] : "x");
        var f = new BoundExpression(expression, [name]);
        return (f, name, points[0].Value);
    }

    /// <summary>For multi-variable commands: the input names and values, all named.</summary>
    /// <param name="expressions">The parsed expressions.</param>
    /// <param name="at">The <c>--at</c> text, <c>x=1,y=2</c> (a bare value is accepted for a one-variable expression).</param>
    /// <returns>The bound expressions, input names and point.</returns>
    /// <exception cref="UsageException">Bare values where names are needed, or an unknown variable.</exception>
    public static (BoundExpression[] Fs, string[] Names, double[] Point) Many(IReadOnlyList<Expression> expressions, string at)
    {
        var points = Points.Parse(at);
        var used = expressions.SelectMany(e => e.Variables).Distinct(StringComparer.Ordinal).ToArray();
        if (points.Exists(p => p.Name is null))
        {
            if (points.Count == 1 && used.Length <= 1)
            {
                points[0] = points[0] with { Name = used.Length == 1 ? used[0] : "x" };
            }
            else
            {
                var example = used.Length > 0 ? string.Join(",", used.Select((v, i) => $"{v}={i + 1}")) : "x=1";
                throw new UsageException($"--at needs variable names here, e.g. --at {example}");
            }
        }

        var names = points.Select(p => p.Name!).ToArray();
        var values = points.Select(p => p.Value).ToArray();
        var bound = expressions.Select(e => new BoundExpression(e, names)).ToArray();
        return (bound, names, values);
    }
}
