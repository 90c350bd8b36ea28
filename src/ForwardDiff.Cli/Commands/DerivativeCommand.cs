using ForwardDiff.Cli.Calculus;
using ForwardDiff.Cli.Expressions;
using ForwardDiff.Cli.Output;

namespace ForwardDiff.Cli.Commands;

/// <summary><c>fdiff derivative EXPR --at X [--order K]</c>: the value and derivatives up to order K.</summary>
internal static class DerivativeCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expressionText">The expression.</param>
    /// <param name="at">The point.</param>
    /// <param name="order">The highest derivative order, 0 … <see cref="ExpressionCalculus.MaxOrder"/>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(CommandContext ctx, string expressionText, string at, int order)
    {
        if (order < 0 || order > ExpressionCalculus.MaxOrder)
        {
            throw new UsageException($"--order must be between 0 and {ExpressionCalculus.MaxOrder} (got {order})");
        }

        var expression = Expression.Parse(expressionText);
        var (f, name, x) = Inputs.Single(expression, at, "derivative");
        var values = ExpressionCalculus.Derivatives(f, x, order);
        var labels = Enumerable.Range(0, order + 1).Select(k => Label(k, name)).ToArray();

        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("expression", expression.ToString());
                w.WriteString("variable", name);
                Json.WriteNumber(w, "at", x);
                Json.WriteNumber(w, "value", values[0]);
                Json.WriteArray(w, "derivatives", values.Skip(1));
                w.WriteEndObject();
            }));
        }
        else
        {
            ctx.Out.WriteLine($"f({name}) = {expression}  at {name} = {ctx.F(x)}");
            var table = new TextTable("order", "derivative", "value");
            for (var k = 0; k <= order; k++)
            {
                table.Add(k.ToString(System.Globalization.CultureInfo.InvariantCulture), labels[k], ctx.F(values[k]));
            }

            ctx.Out.Write(table.Render(2));
        }

        return Diagnostics.CheckFinite(ctx, $"{name} = {ctx.F(x)}", labels.Zip(values));
    }

    /// <summary>The label of the k-th derivative: <c>f</c>, <c>df/dx</c>, <c>d2f/dx2</c>, …</summary>
    /// <param name="k">The order.</param>
    /// <param name="name">The variable.</param>
    /// <returns>The label.</returns>
    public static string Label(int k, string name) => k switch
    {
        0 => "f",
        1 => $"df/d{name}",
        _ => $"d{k}f/d{name}{k}",
    };
}
