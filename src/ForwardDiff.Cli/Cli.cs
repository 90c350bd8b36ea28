using System.CommandLine;
using System.Globalization;
using ForwardDiff.Cli.Calculus;
using ForwardDiff.Cli.Commands;
using ForwardDiff.Cli.Expressions;
using ForwardDiff.Cli.Output;

namespace ForwardDiff.Cli;

/// <summary>Builds the fdiff command line and runs it against given writers (so tests run it in-process).</summary>
internal static class Cli
{
    /// <summary>Parses <paramref name="args"/>, runs the command, and returns the exit code.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 ok, 1 usage or parse error, 2 evaluation error (NaN/∞ result or a failed tour check).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Write the result as JSON (numbers in full precision; NaN/Infinity as strings).", Recursive = true };
        var digits = new Option<int?>("--digits")
        {
            Description = "Significant digits to print (1-17); default: the shortest text that round-trips the double.",
            Recursive = true,
        };

        var root = new RootCommand(
            "fdiff: exact derivatives of typed-in expressions by forward-mode automatic differentiation (ForwardDiff).\n" +
            "Expressions use + - * / ^ (or **), unary minus (-x^2 = -(x^2)), parentheses, pi, e, and the functions listed by 'fdiff functions'.\n" +
            "Exit codes: 0 ok, 1 usage or parse error, 2 evaluation error (a NaN or infinite result, or a failed tour check).");
        root.Add(json);
        root.Add(digits);

        CommandContext Context(ParseResult r)
        {
            var d = r.GetValue(digits);
            if (d is < 1 or > 17)
            {
                throw new UsageException($"--digits must be between 1 and 17 (got {d})");
            }

            return new CommandContext(output, error, new NumberFormat(d), r.GetValue(json));
        }

        Argument<string> ExpressionArgument(string description) => new("EXPR") { Description = description };
        Option<string> AtOption(string description) => new("--at") { Description = description, Required = true };

        // derivative
        {
            var expr = ExpressionArgument("The expression in one variable, e.g. \"x^2*sin(x)\".");
            var at = AtOption("The point: a number or constant expression (1, -1, pi/4), or name=value.");
            var order = new Option<int>("--order", "-k")
            {
                Description = $"Highest derivative order, 0 to {ExpressionCalculus.MaxOrder} (by nested duals).",
                DefaultValueFactory = _ => 1,
            };
            var command = new Command("derivative", "Value and derivatives up to --order of a one-variable expression.") { expr, at, order };
            command.SetAction(r => Guard(r, error, () => DerivativeCommand.Run(Context(r), r.GetValue(expr)!, r.GetValue(at)!, r.GetValue(order))));
            root.Add(command);
        }

        // gradient, hessian
        foreach (var (name, description, run) in new (string, string, Func<CommandContext, string, string, int>)[]
        {
            ("gradient", "Value and gradient (every partial derivative) of an expression.", MultivariateCommands.Gradient),
            ("hessian", "Value, gradient and Hessian (matrix of second partial derivatives) of an expression.", MultivariateCommands.Hessian),
        })
        {
            var expr = ExpressionArgument("The expression, e.g. \"x^2*y + sin(y)\".");
            var at = AtOption("The point: name=value pairs separated by commas, e.g. x=1,y=2 (values may be constant expressions).");
            var command = new Command(name, description) { expr, at };
            command.SetAction(r => Guard(r, error, () => run(Context(r), r.GetValue(expr)!, r.GetValue(at)!)));
            root.Add(command);
        }

        // jacobian
        {
            var expr = ExpressionArgument("Expressions separated by ';', e.g. \"x1 + x2; x1 - x2\".");
            var at = AtOption("The point: name=value pairs, e.g. x1=1,x2=2. Columns follow this order.");
            var command = new Command("jacobian", "Values and Jacobian matrix (rows: expressions, columns: variables).") { expr, at };
            command.SetAction(r => Guard(r, error, () => MultivariateCommands.Jacobian(Context(r), r.GetValue(expr)!, r.GetValue(at)!)));
            root.Add(command);
        }

        // limit
        {
            var expr = ExpressionArgument("The expression in one variable, e.g. \"3*x^2 - 4*x\".");
            var at = AtOption("The point.");
            var steps = new Option<int>("--steps", "-n")
            {
                Description = $"N: h runs over 1e-1 ... 1e-N (1 to {LimitTable.MaxSteps}).",
                DefaultValueFactory = _ => LimitCommand.DefaultSteps,
            };
            var command = new Command(
                "limit",
                "The textbook's numerical-limit table: (f(x+h) - f(x))/h for shrinking h, its error against the exact AD derivative, and where cancellation takes over.")
            { expr, at, steps };
            command.SetAction(r => Guard(r, error, () => LimitCommand.Run(Context(r), r.GetValue(expr)!, r.GetValue(at)!, r.GetValue(steps))));
            root.Add(command);
        }

        // plot
        {
            var expr = ExpressionArgument("The expression in one variable.");
            var at = AtOption("The tangent point.");
            var from = new Option<string>("--from") { Description = "Left end of the x range (default: X - 1)." };
            var to = new Option<string>("--to") { Description = "Right end of the x range (default: X + 2)." };
            var output_ = new Option<string>("--output", "-o") { Description = "The picture to write: FILE.png or FILE.svg.", Required = true };
            var command = new Command("plot", "Draw f and its tangent line at X (ScottPlot; legend \"f(x)\" and \"Tangent line (x=X)\").") { expr, at, from, to, output_ };
            command.SetAction(r => Guard(r, error, () =>
                PlotCommand.Run(Context(r), r.GetValue(expr)!, r.GetValue(at)!, r.GetValue(from), r.GetValue(to), r.GetValue(output_)!)));
            root.Add(command);
        }

        // tour
        {
            var seed = new Option<int>("--seed")
            {
                Description = "Seed of the random matrix instance used for the matrix rules.",
                DefaultValueFactory = _ => Tour.DefaultSeed,
            };
            var plotPath = new Option<string>("--plot", "-o")
            {
                Description = $"Where to write the tangent plot (.png or .svg); default {Tour.DefaultPlotPath} under the current directory.",
                DefaultValueFactory = _ => Tour.DefaultPlotPath,
            };
            var command = new Command(
                "tour",
                "Walk the textbook section on derivatives: the limit table, every rule checked by AD, gradients and matrix rules, the chain rule with the Jacobian, and the tangent plot. Ends with 'N checks passed, M failed'.")
            { seed, plotPath };
            command.SetAction(r => Guard(r, error, () => Tour.Run(Context(r), r.GetValue(seed), r.GetValue(plotPath)!)));
            root.Add(command);
        }

        // functions
        {
            var command = new Command("functions", "List the functions and constants the expression language knows.");
            command.SetAction(r => Guard(r, error, () => ListFunctions(Context(r))));
            root.Add(command);
        }

        return root;
    }

    /// <summary>Runs a command body, turning user mistakes into a message and exit code 1 (never a stack trace).</summary>
    private static int Guard(ParseResult result, TextWriter error, Func<int> body)
    {
        _ = result;
        try
        {
            return body();
        }
        catch (ExpressionParseException ex)
        {
            error.WriteLine(ex.Render());
            return ExitCodes.Usage;
        }
        catch (UsageException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }
    }

    private static int ListFunctions(CommandContext ctx)
    {
        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("functions");
                foreach (var f in FunctionTable.All)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WriteNumber("arity", f.Arity);
                    w.WriteString("description", f.Description);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("constants");
                foreach (var (name, value) in FunctionTable.Constants)
                {
                    Json.WriteNumber(w, name, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }));
            return ExitCodes.Ok;
        }

        var table = new TextTable("function", "meaning");
        foreach (var f in FunctionTable.All)
        {
            var args = f.Arity switch { 1 => "x", 2 => f.Name is "atan2" or "atan2pi" ? "y, x" : "x, y", _ => "x, y, z" };
            table.Add($"{f.Name}({args})", f.Description);
        }

        ctx.Out.Write(table.Render());
        ctx.Out.WriteLine(
            "constants: " + string.Join(", ", FunctionTable.Constants.Select(c => $"{c.Key} = {c.Value.ToString("R", CultureInfo.InvariantCulture)}")));
        ctx.Out.WriteLine("operators: + - * / ^ (also **), unary - and +, parentheses; -x^2 = -(x^2), 2^3^2 = 2^(3^2)");
        return ExitCodes.Ok;
    }
}
