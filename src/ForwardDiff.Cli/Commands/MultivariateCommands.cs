using ForwardDiff.Cli.Calculus;
using ForwardDiff.Cli.Expressions;
using ForwardDiff.Cli.Output;

namespace ForwardDiff.Cli.Commands;

/// <summary><c>fdiff gradient</c>, <c>fdiff hessian</c> and <c>fdiff jacobian</c>.</summary>
internal static class MultivariateCommands
{
    /// <summary><c>fdiff gradient EXPR --at x=1,y=2</c>: the value and every partial derivative.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expressionText">The expression.</param>
    /// <param name="at">The point.</param>
    /// <returns>The exit code.</returns>
    public static int Gradient(CommandContext ctx, string expressionText, string at)
    {
        var expression = Expression.Parse(expressionText);
        var (fs, names, point) = Inputs.Many([expression], at);
        var (value, gradient) = ExpressionCalculus.Gradient(fs[0], point);
        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("expression", expression.ToString());
                WriteInputs(w, names, point);
                Json.WriteNumber(w, "value", value);
                Json.WriteArray(w, "gradient", gradient);
                w.WriteEndObject();
            }));
        }
        else
        {
            ctx.Out.WriteLine($"f({string.Join(", ", names)}) = {expression}  at {Points.Describe(names, point, ctx)}");
            ctx.Out.WriteLine($"  f = {ctx.F(value)}");
            ctx.Out.Write(GradientTable(ctx, names, point, gradient).Render(2));
        }

        return Diagnostics.CheckFinite(
            ctx, Points.Describe(names, point, ctx), names.Select((n, i) => ($"df/d{n}", gradient[i])).Prepend(("f", value)));
    }

    /// <summary><c>fdiff hessian EXPR --at x=1,y=2</c>: value, gradient and the matrix of second derivatives.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expressionText">The expression.</param>
    /// <param name="at">The point.</param>
    /// <returns>The exit code.</returns>
    public static int Hessian(CommandContext ctx, string expressionText, string at)
    {
        var expression = Expression.Parse(expressionText);
        var (fs, names, point) = Inputs.Many([expression], at);
        var (value, gradient, hessian) = ExpressionCalculus.Hessian(fs[0], point);
        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("expression", expression.ToString());
                WriteInputs(w, names, point);
                Json.WriteNumber(w, "value", value);
                Json.WriteArray(w, "gradient", gradient);
                Json.WriteMatrix(w, "hessian", hessian);
                w.WriteEndObject();
            }));
        }
        else
        {
            ctx.Out.WriteLine($"f({string.Join(", ", names)}) = {expression}  at {Points.Describe(names, point, ctx)}");
            ctx.Out.WriteLine($"  f = {ctx.F(value)}");
            ctx.Out.Write(GradientTable(ctx, names, point, gradient).Render(2));
            ctx.Out.WriteLine("  Hessian d2f/(drow dcolumn):");
            ctx.Out.Write(MatrixTable(ctx, names, names, hessian).Render(4));
        }

        var quantities = new List<(string, double)> { ("f", value) };
        for (var i = 0; i < names.Length; i++)
        {
            quantities.Add(($"df/d{names[i]}", gradient[i]));
            for (var j = 0; j < names.Length; j++)
            {
                quantities.Add(($"d2f/d{names[i]}d{names[j]}", hessian[i, j]));
            }
        }

        return Diagnostics.CheckFinite(ctx, Points.Describe(names, point, ctx), quantities);
    }

    /// <summary><c>fdiff jacobian "E1; E2; …" --at x=1,y=2</c>: the values and the matrix ∂fᵢ/∂xⱼ.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expressionsText">The expressions, separated by ';'.</param>
    /// <param name="at">The point.</param>
    /// <returns>The exit code.</returns>
    public static int Jacobian(CommandContext ctx, string expressionsText, string at)
    {
        var parts = expressionsText.Split(';');
        var expressions = new List<Expression>();
        var offset = 0;
        foreach (var part in parts)
        {
            if (part.Trim().Length == 0 && parts.Length > 1)
            {
                throw new UsageException($"jacobian: expression {expressions.Count + 1} of \"{expressionsText}\" is empty (two ';' in a row, or a trailing ';')");
            }

            try
            {
                expressions.Add(Expression.Parse(part));
            }
            catch (ExpressionParseException ex)
            {
                // Re-anchor the caret on the full argument so the column matches what the user typed.
                throw new ExpressionParseException(expressionsText, offset + ex.Position, ex.Length, ex.Reason, ex.Expected, ex.Hint);
            }

            offset += part.Length + 1;
        }

        var (fs, names, point) = Inputs.Many(expressions, at);
        var (values, jacobian) = ExpressionCalculus.Jacobian(fs, point);
        var rows = Enumerable.Range(1, expressions.Count).Select(i => $"f{i}").ToArray();
        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("expressions");
                foreach (var e in expressions)
                {
                    w.WriteStringValue(e.ToString());
                }

                w.WriteEndArray();
                WriteInputs(w, names, point);
                Json.WriteArray(w, "values", values);
                Json.WriteMatrix(w, "jacobian", jacobian);
                w.WriteEndObject();
            }));
        }
        else
        {
            var args = string.Join(", ", names);
            for (var i = 0; i < expressions.Count; i++)
            {
                ctx.Out.WriteLine($"{rows[i]}({args}) = {expressions[i]}");
            }

            ctx.Out.WriteLine($"at {Points.Describe(names, point, ctx)}");
            var valueTable = new TextTable("function", "value");
            for (var i = 0; i < rows.Length; i++)
            {
                valueTable.Add(rows[i], ctx.F(values[i]));
            }

            ctx.Out.Write(valueTable.Render(2));
            ctx.Out.WriteLine("  Jacobian d(row)/d(column):");
            ctx.Out.Write(MatrixTable(ctx, rows, names, jacobian).Render(4));
        }

        var quantities = new List<(string, double)>();
        for (var i = 0; i < rows.Length; i++)
        {
            quantities.Add((rows[i], values[i]));
            for (var j = 0; j < names.Length; j++)
            {
                quantities.Add(($"d{rows[i]}/d{names[j]}", jacobian[i, j]));
            }
        }

        return Diagnostics.CheckFinite(ctx, Points.Describe(names, point, ctx), quantities);
    }

    private static TextTable GradientTable(CommandContext ctx, string[] names, double[] point, double[] gradient)
    {
        var table = new TextTable("variable", "at", "df/dvariable");
        for (var i = 0; i < names.Length; i++)
        {
            table.Add(names[i], ctx.F(point[i]), ctx.F(gradient[i]));
        }

        return table;
    }

    private static TextTable MatrixTable(CommandContext ctx, string[] rows, string[] columns, double[,] matrix)
    {
        var table = new TextTable([string.Empty, .. columns]);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = new string[columns.Length + 1];
            cells[0] = rows[i];
            for (var j = 0; j < columns.Length; j++)
            {
                cells[j + 1] = ctx.F(matrix[i, j]);
            }

            table.Add(cells);
        }

        return table;
    }

    private static void WriteInputs(System.Text.Json.Utf8JsonWriter w, string[] names, double[] point)
    {
        w.WriteStartObject("at");
        for (var i = 0; i < names.Length; i++)
        {
            Json.WriteNumber(w, names[i], point[i]);
        }

        w.WriteEndObject();
    }
}
