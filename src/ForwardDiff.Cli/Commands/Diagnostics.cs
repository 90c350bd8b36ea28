namespace ForwardDiff.Cli.Commands;

/// <summary>Reports results that are NaN or infinite: the point is outside the domain of the expression.</summary>
internal static class Diagnostics
{
    /// <summary>
    /// Writes one line per non-finite quantity to standard error and returns the exit code: 0 when every
    /// quantity is finite, <see cref="ExitCodes.Evaluation"/> otherwise.
    /// </summary>
    /// <param name="ctx">The command context.</param>
    /// <param name="where">The point, e.g. <c>x = -1</c>.</param>
    /// <param name="quantities">Labelled results.</param>
    /// <returns>The exit code.</returns>
    public static int CheckFinite(CommandContext ctx, string where, IEnumerable<(string Label, double Value)> quantities)
    {
        var bad = quantities.Where(q => !double.IsFinite(q.Value)).ToList();
        foreach (var (label, value) in bad)
        {
            var what = double.IsNaN(value) ? "NaN (undefined)" : $"{(value > 0 ? "+" : "-")}infinite";
            ctx.Error.WriteLine($"evaluation error: {label} is {what} at {where}: the point is outside the domain where the expression is finite and differentiable");
        }

        return bad.Count == 0 ? ExitCodes.Ok : ExitCodes.Evaluation;
    }
}
