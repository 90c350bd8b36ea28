using System.Globalization;
using ForwardDiff.Cli.Calculus;
using ForwardDiff.Cli.Expressions;
using ForwardDiff.Cli.Output;

namespace ForwardDiff.Cli.Commands;

/// <summary>One row of the numerical-limit table.</summary>
/// <param name="Exponent">k, where h = 10⁻ᵏ.</param>
/// <param name="H">The step: the double nearest 10⁻ᵏ.</param>
/// <param name="Quotient">(f(x+h) − f(x))/h in double arithmetic.</param>
/// <param name="Error">Quotient minus the exact AD derivative.</param>
/// <param name="Cancellation">Whether this row lies past the smallest error, where cancellation dominates.</param>
internal readonly record struct LimitRow(int Exponent, double H, double Quotient, double Error, bool Cancellation);

/// <summary>The numerical-limit table of the textbook, next to the exact AD derivative.</summary>
/// <param name="Value">f(x).</param>
/// <param name="Derivative">f′(x) by AD.</param>
/// <param name="Rows">One row per step size.</param>
/// <param name="BestExponent">The k with the smallest |error| (the first, on ties).</param>
internal sealed record LimitTable(double Value, double Derivative, IReadOnlyList<LimitRow> Rows, int BestExponent)
{
    /// <summary>The most steps <c>limit</c> accepts; by 10⁻³⁰ every h is far below the spacing of doubles near x.</summary>
    public const int MaxSteps = 30;

    /// <summary>Computes the table for h = 10⁻¹ … 10⁻ᴺ.</summary>
    /// <param name="f">One-variable bound expression.</param>
    /// <param name="x">The point.</param>
    /// <param name="steps">N.</param>
    /// <returns>The table.</returns>
    public static LimitTable Compute(BoundExpression f, double x, int steps)
    {
        var plain = f.For<double>();
        var fx = plain.Evaluate([x]);
        var exact = ExpressionCalculus.Derivatives(f, x, 1)[1];
        var rows = new List<LimitRow>(steps);
        var best = 1;
        var bestError = double.PositiveInfinity;
        for (var k = 1; k <= steps; k++)
        {
            // The double nearest 10^-k (Math.Pow(10, -k) can be an ulp off).
            var h = double.Parse($"1e-{k}", CultureInfo.InvariantCulture);
            var quotient = (plain.Evaluate([x + h]) - fx) / h;
            var error = quotient - exact;
            if (Math.Abs(error) < bestError)
            {
                bestError = Math.Abs(error);
                best = k;
            }

            rows.Add(new LimitRow(k, h, quotient, error, false));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Cancellation = rows[i].Exponent > best };
        }

        return new LimitTable(fx, exact, rows, best);
    }
}

/// <summary><c>fdiff limit EXPR --at X [--steps N]</c>: the difference quotient converging to f′(x), then diverging.</summary>
internal static class LimitCommand
{
    /// <summary>The default N: far enough to show where cancellation takes over (near h = 10⁻⁸ for double).</summary>
    public const int DefaultSteps = 12;

    /// <summary>Runs the command.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expressionText">The expression.</param>
    /// <param name="at">The point.</param>
    /// <param name="steps">N: h runs over 10⁻¹ … 10⁻ᴺ.</param>
    /// <returns>The exit code.</returns>
    public static int Run(CommandContext ctx, string expressionText, string at, int steps)
    {
        if (steps < 1 || steps > LimitTable.MaxSteps)
        {
            throw new UsageException($"--steps must be between 1 and {LimitTable.MaxSteps} (got {steps})");
        }

        var expression = Expression.Parse(expressionText);
        var (f, name, x) = Inputs.Single(expression, at, "limit");
        var table = LimitTable.Compute(f, x, steps);
        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("expression", expression.ToString());
                w.WriteString("variable", name);
                Json.WriteNumber(w, "at", x);
                Json.WriteNumber(w, "value", table.Value);
                Json.WriteNumber(w, "derivative", table.Derivative);
                w.WriteStartArray("rows");
                foreach (var row in table.Rows)
                {
                    w.WriteStartObject();
                    Json.WriteNumber(w, "h", row.H);
                    Json.WriteNumber(w, "quotient", row.Quotient);
                    Json.WriteNumber(w, "error", row.Error);
                    w.WriteString("regime", row.Cancellation ? "cancellation" : "truncation");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Json.WriteNumber(w, "best_h", table.Rows[table.BestExponent - 1].H);
                w.WriteEndObject();
            }));
        }
        else
        {
            Write(ctx, expression, name, x, table);
        }

        return Diagnostics.CheckFinite(ctx, $"{name} = {ctx.F(x)}", [("f", table.Value), ($"df/d{name}", table.Derivative)]);
    }

    /// <summary>Writes the table as text (shared with the tour).</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expression">The expression.</param>
    /// <param name="name">Its variable.</param>
    /// <param name="x">The point.</param>
    /// <param name="table">The computed table.</param>
    public static void Write(CommandContext ctx, Expression expression, string name, double x, LimitTable table)
    {
        ctx.Out.WriteLine($"f({name}) = {expression}  at {name} = {ctx.F(x)}");
        ctx.Out.WriteLine($"exact derivative by AD: df/d{name} = {ctx.F(table.Derivative)}");
        var text = new TextTable("h", $"(f({name}+h) - f({name}))/h", "error vs AD", "dominated by");
        foreach (var row in table.Rows)
        {
            text.Add($"1e-{row.Exponent}", ctx.F(row.Quotient), ctx.F(row.Error), row.Cancellation ? "cancellation" : "truncation");
        }

        ctx.Out.Write(text.Render(2));
        var best = table.Rows[table.BestExponent - 1];
        if (best.Error == 0 && table.Rows.All(r => r.Error == 0))
        {
            ctx.Out.WriteLine("the difference quotient is exact at every h here (f is linear near the point)");
        }
        else if (table.BestExponent < table.Rows.Count)
        {
            ctx.Out.WriteLine(
                $"smallest error at h = 1e-{table.BestExponent}; for smaller h, cancellation in f({name}+h) - f({name}) takes over and the error grows");
        }
        else
        {
            ctx.Out.WriteLine(
                $"the error is still shrinking at h = 1e-{table.BestExponent}; cancellation has not taken over yet (more --steps show where it does)");
        }
    }
}
