using ForwardDiff.Cli.Expressions;
using ForwardDiff.Cli.Output;
using ForwardDiff.Cli.Plotting;

namespace ForwardDiff.Cli.Commands;

/// <summary><c>fdiff plot EXPR --at X [--from A --to B] -o FILE.svg|.png</c>: f and its tangent line at X.</summary>
internal static class PlotCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="expressionText">The expression.</param>
    /// <param name="at">The tangent point.</param>
    /// <param name="from">Left end (default X − 1), or <see langword="null"/>.</param>
    /// <param name="to">Right end (default X + 2), or <see langword="null"/>.</param>
    /// <param name="output">The output file.</param>
    /// <returns>The exit code.</returns>
    public static int Run(CommandContext ctx, string expressionText, string at, string? from, string? to, string output)
    {
        if (TangentPlot.FormatOf(output) is null)
        {
            throw new UsageException($"-o must name a .png or .svg file (got \"{output}\")");
        }

        var expression = Expression.Parse(expressionText);
        var (f, name, x) = Inputs.Single(expression, at, "plot");
        // Default range: the textbook draws 3x^2 - 4x on [0, 3] around the tangent point 1.
        var a = from is null ? x - 1 : Points.Constant(from, "--from");
        var b = to is null ? x + 2 : Points.Constant(to, "--to");
        if (!(a < b))
        {
            throw new UsageException($"--from must be less than --to (got {ctx.F(a)} and {ctx.F(b)})");
        }

        PlotResult result;
        try
        {
            result = TangentPlot.Write(f, name, x, a, b, output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write \"{output}\": {ex.Message}");
        }

        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("expression", expression.ToString());
                w.WriteString("variable", name);
                Json.WriteNumber(w, "at", x);
                Json.WriteNumber(w, "from", a);
                Json.WriteNumber(w, "to", b);
                Json.WriteNumber(w, "value", result.Value);
                Json.WriteNumber(w, "slope", result.Slope);
                Json.WriteNumber(w, "intercept", result.Intercept);
                w.WriteString("file", result.Path);
                w.WriteNumber("bytes", result.Bytes);
                w.WriteBoolean("text_rendered", result.Fonts.TextRenders);
                w.WriteEndObject();
            }));
        }
        else
        {
            ctx.Out.WriteLine($"f({name}) = {expression} on [{ctx.F(a)}, {ctx.F(b)}]");
            ctx.Out.WriteLine($"tangent at {name} = {ctx.F(x)}: y = {Line(ctx, name, result.Slope, result.Intercept)}  (f = {ctx.F(result.Value)}, df/d{name} = {ctx.F(result.Slope)})");
            ctx.Out.WriteLine($"wrote {result.Path} ({TangentPlot.Width}x{TangentPlot.Height}, {result.Bytes} bytes)");
        }

        WarnAboutFonts(ctx, result.Fonts);
        return Diagnostics.CheckFinite(ctx, $"{name} = {ctx.F(x)}", [("f", result.Value), ($"df/d{name}", result.Slope)]);
    }

    /// <summary>Formats <c>2*x - 3</c>.</summary>
    /// <param name="ctx">For number formatting.</param>
    /// <param name="name">The variable.</param>
    /// <param name="slope">The slope.</param>
    /// <param name="intercept">The intercept.</param>
    /// <returns>The text.</returns>
    public static string Line(CommandContext ctx, string name, double slope, double intercept) =>
        intercept < 0 ? $"{ctx.F(slope)}*{name} - {ctx.F(-intercept)}" : $"{ctx.F(slope)}*{name} + {ctx.F(intercept)}";

    /// <summary>Says so on stderr when the picture has no text or uses a fallback font.</summary>
    /// <param name="ctx">The context.</param>
    /// <param name="fonts">The probe result.</param>
    public static void WarnAboutFonts(CommandContext ctx, FontStatus fonts)
    {
        if (!fonts.TextRenders)
        {
            ctx.Error.WriteLine(
                "warning: no usable font is installed, so the picture has no text (no axis labels, no legend); " +
                "install one, e.g. 'apt-get install fonts-dejavu-core', and plot again");
        }
        else if (!fonts.FamilyInstalled)
        {
            ctx.Error.WriteLine($"note: font '{FontProbe.Family}' is not installed; the text uses a fallback font (package fonts-dejavu-core provides it)");
        }
    }
}
