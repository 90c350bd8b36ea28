using System.Globalization;
using System.Text;
using ForwardDiff.Cli.Calculus;
using ForwardDiff.Cli.Expressions;
using ForwardDiff.Cli.Output;
using ForwardDiff.Cli.Plotting;

namespace ForwardDiff.Cli.Commands;

/// <summary>One verified statement of the tour.</summary>
/// <param name="Section">The textbook section it belongs to.</param>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">The measured discrepancy or the reason for failure.</param>
internal sealed record TourCheck(string Section, string Name, bool Passed, string Detail);

/// <summary>
/// <c>fdiff tour</c>: walks the textbook section on derivatives (d2l 2.4) in order and checks every claim with AD.
/// </summary>
/// <remarks>
/// Every function is typed as text and goes through the same parser and generic evaluator as the other commands,
/// so the tour also exercises the expression language. The matrix rules use a random instance from a seeded
/// <see cref="Random"/>: the same seed gives the same instance and the same output on every machine.
/// </remarks>
internal static class Tour
{
    /// <summary>The default seed of the random matrix instance.</summary>
    public const int DefaultSeed = 2024;

    /// <summary>Where the tangent plot goes by default, relative to the current directory (git-ignored).</summary>
    public const string DefaultPlotPath = "fdiff-out/tangent.png";

    /// <summary>Relative tolerance for comparisons of AD against closed forms computed in a different order.</summary>
    public const double Tolerance = 1e-14;

    private static readonly double[] SamplePoints = [0.5, 1, 2, 3.7];

    /// <summary>The textbook's printed table for f(x) = 3x² − 4x at x = 1 (five decimals).</summary>
    private static readonly string[] TextbookLimits = ["2.30000", "2.03000", "2.00300", "2.00030", "2.00003"];

    /// <summary>The rules of 2.4.1 with the textbook's examples: name, f, f′ as the book states it.</summary>
    private static readonly (string Rule, string F, string DF)[] Rules =
    [
        ("constant rule", "7", "0"),
        ("power rule (positive n)", "x^5", "5*x^4"),
        ("power rule (negative n)", "x^-3", "-3*x^-4"),
        ("exponential rule", "e^x", "exp(x)"),
        ("logarithm rule", "ln(x)", "1/x"),
        ("constant multiple rule", "5*x^3", "15*x^2"),
        ("sum rule", "x^2 + 3*x", "2*x + 3"),
        ("product rule", "x^2*sin(x)", "x^2*cos(x) + 2*x*sin(x)"),
        ("quotient rule", "x^2/(1 + x)", "x*(2 + x)/(1 + x)^2"),
        ("chain rule (one variable)", "sin(x^2)", "cos(x^2)*2*x"),
    ];

    /// <summary>Runs the tour.</summary>
    /// <param name="ctx">Output and format.</param>
    /// <param name="seed">Seed of the random matrix instance.</param>
    /// <param name="plotPath">Where to write the tangent plot.</param>
    /// <returns>0 when every check passed, <see cref="ExitCodes.Evaluation"/> otherwise.</returns>
    public static int Run(CommandContext ctx, int seed, string plotPath)
    {
        if (TangentPlot.FormatOf(plotPath) is null)
        {
            throw new UsageException($"--plot must name a .png or .svg file (got \"{plotPath}\")");
        }

        var checks = new List<TourCheck>();
        var text = ctx.Json ? ctx with { Out = TextWriter.Null } : ctx;
        var tour = new TourWriter(text, checks);

        LimitSection(tour);
        RulesSection(tour);
        var plot = PlotSection(tour, plotPath);
        GradientSection(tour, seed);
        ChainRuleSection(tour, seed);

        var passed = checks.Count(c => c.Passed);
        var failed = checks.Count - passed;
        if (ctx.Json)
        {
            ctx.Out.WriteLine(Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("seed", seed);
                w.WriteStartArray("checks");
                foreach (var c in checks)
                {
                    w.WriteStartObject();
                    w.WriteString("section", c.Section);
                    w.WriteString("name", c.Name);
                    w.WriteBoolean("passed", c.Passed);
                    w.WriteString("detail", c.Detail);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("plot", plot);
                w.WriteNumber("passed", passed);
                w.WriteNumber("failed", failed);
                w.WriteEndObject();
            }));
        }
        else
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"{passed} checks passed, {failed} failed");
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Evaluation;
    }

    private static void LimitSection(TourWriter tour)
    {
        tour.Section("2.4.1 Derivatives and differentiation: the numerical limit");
        tour.Line("f(x) = 3x^2 - 4x; the difference quotient (f(x+h) - f(x))/h approaches f'(1) as h shrinks:");
        var f = Bind("3*x^2 - 4*x", "x");
        var table = LimitTable.Compute(f, 1, TextbookLimits.Length);
        LimitCommand.Write(tour.Context, f.Expression, "x", 1, table);
        var printed = table.Rows.Select(r => r.Quotient.ToString("F5", CultureInfo.InvariantCulture)).ToArray();
        tour.Check(
            "the quotients match the textbook's table to 5 decimals (2.30000 ... 2.00003)",
            printed.SequenceEqual(TextbookLimits),
            $"computed {string.Join(", ", printed)}");
        tour.Check("AD gives f'(1) = 2 exactly", table.Derivative == 2, $"AD: {Points.R(table.Derivative)}");

        tour.Line();
        tour.Line("Going further than the book, h = 1e-1 ... 1e-16 shows where floating-point cancellation takes over:");
        var longer = LimitTable.Compute(f, 1, 16);
        LimitCommand.Write(tour.Context, f.Expression, "x", 1, longer);
        tour.Check(
            "the quotient's error is smallest near h = 1e-8 (about the square root of machine epsilon) and grows below it",
            longer.BestExponent is >= 6 and <= 10 && Math.Abs(longer.Rows[^1].Error) > Math.Abs(longer.Rows[longer.BestExponent - 1].Error),
            $"smallest error at h = 1e-{longer.BestExponent}; error at 1e-16: {Points.R(longer.Rows[^1].Error)}");
    }

    private static void RulesSection(TourWriter tour)
    {
        tour.Section("2.4.1 Rules of differentiation, each example checked by AD at x = " + string.Join(", ", SamplePoints.Select(Points.R)));
        var table = new TextTable("rule", "f(x)", "f'(x) (textbook)", "AD = textbook");
        var results = new List<(string Rule, bool Ok, string Detail)>();
        foreach (var (rule, fText, dfText) in Rules)
        {
            var f = Bind(fText, "x");
            var df = Bind(dfText, "x");
            var closedForm = df.For<double>();
            var worst = 0.0;
            var ok = true;
            foreach (var x in SamplePoints)
            {
                var ad = ExpressionCalculus.Derivatives(f, x, 1)[1];
                var expected = closedForm.Evaluate([x]);
                var error = RelativeError(ad, expected);
                worst = Math.Max(worst, error);
                ok &= error <= Tolerance;
            }

            table.Add(rule, fText, dfText, (ok ? "yes, " : "NO, ") + (worst == 0 ? "exact" : $"max rel. error {worst.ToString("0.#e0", CultureInfo.InvariantCulture)}"));
            results.Add((rule, ok, $"max relative error {Points.R(worst)} over {SamplePoints.Length} points"));
        }

        tour.Write(table.Render(2));
        foreach (var (rule, ok, detail) in results)
        {
            tour.Check(rule, ok, detail, quiet: true);
        }

        tour.Line($"  {results.Count(r => r.Ok)} of {results.Count} rules confirmed (tolerance {Points.R(Tolerance)} relative)");
    }

    private static void GradientSection(TourWriter tour, int seed)
    {
        tour.Section($"2.4.3 Partial derivatives and gradients: the matrix rules on a random instance (seed {seed})");
        var random = new Random(seed);
        const int M = 3;
        const int N = 4;
        var a = RandomMatrix(random, M, N);
        var x = RandomVector(random, N);
        var xs = Enumerable.Range(1, N).Select(i => $"x{i}").ToArray();
        var ctx = tour.Context;

        tour.Line($"A ({M}x{N}) and x:");
        tour.Write(MatrixText(ctx, a, "A").Render(4));
        tour.Line("    x = [" + string.Join(", ", x.Select(ctx.F)) + "]");

        // Rule 1a: grad_x (A x) = A^T.  The Jacobian of Ax (rows: outputs) is A; the book's gradient layout is its transpose.
        var ax = Enumerable.Range(0, M).Select(i => Linear(Enumerable.Range(0, N).Select(j => (a[i, j], xs[j])))).ToArray();
        var (_, jAx) = ExpressionCalculus.Jacobian(ax.Select(e => Bind(e, xs)).ToArray(), x);
        var diff1 = MaxAbsDifference(jAx, a);
        tour.Check("grad_x(A x) = A^T: the Jacobian of A x equals A exactly (the gradient layout is its transpose)", diff1 == 0, $"max |difference| {Points.R(diff1)}");

        // Rule 1b: grad_x (x^T B) = B for B (n x m).
        var b = RandomMatrix(random, N, M);
        var xtb = Enumerable.Range(0, M).Select(j => Linear(Enumerable.Range(0, N).Select(i => (b[i, j], xs[i])))).ToArray();
        var (_, jXtB) = ExpressionCalculus.Jacobian(xtb.Select(e => Bind(e, xs)).ToArray(), x);
        var diff2 = MaxAbsDifference(Transpose(jXtB), b);
        tour.Check("grad_x(x^T B) = B (B is 4x3): the gradient layout of the Jacobian equals B exactly", diff2 == 0, $"max |difference| {Points.R(diff2)}");

        // Rule 2: grad_x (x^T C x) = (C + C^T) x, and its Hessian is C + C^T.
        var c = RandomMatrix(random, N, N);
        var terms = new List<string>();
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                terms.Add($"{xs[i]}*{Number(c[i, j])}*{xs[j]}");
            }
        }

        var quadratic = Bind(string.Join(" + ", terms), xs);
        var (_, g, h) = ExpressionCalculus.Hessian(quadratic, x);
        var expected = new double[N];
        var scale = 0.0;
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                expected[i] += (c[i, j] + c[j, i]) * x[j];
                scale += Math.Abs(c[i, j] * x[j]) + Math.Abs(c[j, i] * x[j]);
            }
        }

        var gradError = g.Zip(expected, (p, q) => Math.Abs(p - q)).Max() / scale;
        tour.Line("    grad_x(x^T C x) by AD = [" + string.Join(", ", g.Select(ctx.F)) + "]");
        tour.Line("    (C + C^T) x           = [" + string.Join(", ", expected.Select(ctx.F)) + "]");
        tour.Check("grad_x(x^T C x) = (C + C^T) x for a random 4x4 C", gradError <= Tolerance, $"max error relative to sum |C||x|: {Points.R(gradError)}");
        var symmetric = new double[N, N];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                symmetric[i, j] = c[i, j] + c[j, i];
            }
        }

        var hessError = MaxAbsDifference(h, symmetric);
        tour.Check("and its Hessian is C + C^T", hessError <= Tolerance * 8, $"max |difference| {Points.R(hessError)}");

        // grad ||x||^2 = 2x, and grad ||X||_F^2 = 2X.
        var norm = Bind(string.Join(" + ", xs.Select(v => v + "^2")), xs);
        var (_, gNorm) = ExpressionCalculus.Gradient(norm, x);
        var normError = gNorm.Select((v, i) => Math.Abs(v - (2 * x[i]))).Max();
        tour.Check("grad ||x||^2 = 2x", normError == 0, $"max |difference| {Points.R(normError)}");

        var xm = RandomMatrix(random, 2, 3);
        var names = new List<string>();
        var values = new List<double>();
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                names.Add($"X{i + 1}{j + 1}");
                values.Add(xm[i, j]);
            }
        }

        var frob = Bind(string.Join(" + ", names.Select(v => v + "^2")), [.. names]);
        var (_, gFrob) = ExpressionCalculus.Gradient(frob, values.ToArray());
        var frobError = gFrob.Select((v, k) => Math.Abs(v - (2 * values[k]))).Max();
        tour.Check("grad ||X||_F^2 = 2X for a random 2x3 X", frobError == 0, $"max |difference| {Points.R(frobError)}");
    }

    private static void ChainRuleSection(TourWriter tour, int seed)
    {
        tour.Section("2.4.4 Chain rule");
        var ctx = tour.Context;
        tour.Line("One variable: y = sin(x^2), dy/dx = cos(x^2)*2x (checked with the rules above).");
        var f = Bind("sin(x^2)", "x");
        var derivatives = ExpressionCalculus.Derivatives(f, 1.5, 1);
        tour.Line($"    at x = 1.5: AD {ctx.F(derivatives[1])}, formula {ctx.F(Math.Cos(2.25) * 3)}");

        tour.Line("Several variables: u1 = x1 + x2, u2 = x1 - x2, y = u1^2 + u2^2.");
        var random = new Random(seed + 1);
        var x = RandomVector(random, 2);
        string[] xs = ["x1", "x2"];
        var (u, j) = ExpressionCalculus.Jacobian([Bind("x1 + x2", xs), Bind("x1 - x2", xs)], x);
        tour.Line("    x = [" + string.Join(", ", x.Select(ctx.F)) + "], u = [" + string.Join(", ", u.Select(ctx.F)) + "]");
        tour.Line("    Jacobian du/dx:");
        tour.Write(MatrixText(ctx, j, "du/dx").Render(6));
        tour.Check("the Jacobian of (u1, u2) is [[1, 1], [1, -1]]", j[0, 0] == 1 && j[0, 1] == 1 && j[1, 0] == 1 && j[1, 1] == -1, "exact");

        var (_, gradU) = ExpressionCalculus.Gradient(Bind("u1^2 + u2^2", ["u1", "u2"]), u);
        var viaChain = new double[2];
        for (var i = 0; i < 2; i++)
        {
            // The book's A has A[i, k] = du_k/dx_i, the transpose of the Jacobian: grad_x y = A grad_u y.
            viaChain[i] = (j[0, i] * gradU[0]) + (j[1, i] * gradU[1]);
        }

        var (_, direct) = ExpressionCalculus.Gradient(Bind("(x1 + x2)^2 + (x1 - x2)^2", xs), x);
        tour.Line("    grad_u y = [" + string.Join(", ", gradU.Select(ctx.F)) + "] = [2 u1, 2 u2]");
        tour.Line("    A grad_u y = [" + string.Join(", ", viaChain.Select(ctx.F)) + "], direct grad_x y = [" + string.Join(", ", direct.Select(ctx.F)) + "]");
        var expected = new[] { 4 * x[0], 4 * x[1] };
        var chainError = Math.Max(RelativeError(viaChain[0], expected[0]), RelativeError(viaChain[1], expected[1]));
        var directError = Math.Max(RelativeError(direct[0], expected[0]), RelativeError(direct[1], expected[1]));
        tour.Check("grad_u y = [2 u1, 2 u2]", gradU[0] == 2 * u[0] && gradU[1] == 2 * u[1], "exact");
        tour.Check("grad_x y = A grad_u y = [4 x1, 4 x2]", chainError <= Tolerance, $"relative error {Points.R(chainError)}");
        tour.Check("differentiating the composition directly gives the same [4 x1, 4 x2]", directError <= Tolerance, $"relative error {Points.R(directError)}");
    }

    private static string PlotSection(TourWriter tour, string path)
    {
        tour.Section("2.4.2 Visualization: f(x) = 3x^2 - 4x and its tangent line at x = 1");
        var f = Bind("3*x^2 - 4*x", "x");
        var result = TangentPlot.Write(f, "x", 1, 0, 3, path);
        tour.Line($"  tangent: y = {PlotCommand.Line(tour.Context, "x", result.Slope, result.Intercept)} (the book's 2x - 3)");
        tour.Line($"  wrote {result.Path} ({result.Bytes} bytes)");
        tour.Check("the tangent line at x = 1 is y = 2x - 3", result.Slope == 2 && result.Intercept == -3, $"slope {Points.R(result.Slope)}, intercept {Points.R(result.Intercept)}");
        var header = new byte[8];
        using (var stream = File.OpenRead(result.Path))
        {
            stream.ReadExactly(header);
        }

        var isPng = header.AsSpan().SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var isSvg = Encoding.ASCII.GetString(header).TrimStart().StartsWith('<');
        tour.Check("the plot file was written", result.Bytes > 1000 && (isPng || isSvg), $"{result.Bytes} bytes");
        PlotCommand.WarnAboutFonts(tour.Context, result.Fonts);
        return result.Path;
    }

    private static BoundExpression Bind(string text, params string[] inputs) => new(Expression.Parse(text), inputs);

    private static string Number(double v) => v < 0 ? $"({Points.R(v)})" : Points.R(v);

    private static string Linear(IEnumerable<(double Coefficient, string Variable)> terms) =>
        string.Join(" + ", terms.Select(t => $"{Number(t.Coefficient)}*{t.Variable}"));

    private static double[,] RandomMatrix(Random random, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                m[i, j] = Math.Round((random.NextDouble() * 4) - 2, 3);
            }
        }

        return m;
    }

    private static double[] RandomVector(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => Math.Round((random.NextDouble() * 4) - 2, 3)).ToArray();

    private static double[,] Transpose(double[,] m)
    {
        var t = new double[m.GetLength(1), m.GetLength(0)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                t[j, i] = m[i, j];
            }
        }

        return t;
    }

    private static double MaxAbsDifference(double[,] p, double[,] q)
    {
        if (p.GetLength(0) != q.GetLength(0) || p.GetLength(1) != q.GetLength(1))
        {
            return double.PositiveInfinity;
        }

        var max = 0.0;
        for (var i = 0; i < p.GetLength(0); i++)
        {
            for (var j = 0; j < p.GetLength(1); j++)
            {
                max = Math.Max(max, Math.Abs(p[i, j] - q[i, j]));
            }
        }

        return max;
    }

    private static double RelativeError(double actual, double expected)
    {
        if (actual == expected)
        {
            return 0;
        }

        var scale = Math.Max(Math.Abs(expected), double.Epsilon);
        var error = Math.Abs(actual - expected) / scale;
        return double.IsNaN(error) ? double.PositiveInfinity : error;
    }

    private static TextTable MatrixText(CommandContext ctx, double[,] m, string name)
    {
        var header = new string[m.GetLength(1) + 1];
        header[0] = name;
        for (var j = 0; j < m.GetLength(1); j++)
        {
            header[j + 1] = $"[:,{j + 1}]";
        }

        var table = new TextTable(header);
        for (var i = 0; i < m.GetLength(0); i++)
        {
            var row = new string[m.GetLength(1) + 1];
            row[0] = $"[{i + 1},:]";
            for (var j = 0; j < m.GetLength(1); j++)
            {
                row[j + 1] = ctx.F(m[i, j]);
            }

            table.Add(row);
        }

        return table;
    }

    /// <summary>Writes the tour's text and records its checks.</summary>
    private sealed class TourWriter(CommandContext context, List<TourCheck> checks)
    {
        private string section = string.Empty;

        public CommandContext Context => context;

        public void Section(string title)
        {
            section = title;
            context.Out.WriteLine();
            context.Out.WriteLine("== " + title);
        }

        public void Line(string text = "") => context.Out.WriteLine(text);

        public void Write(string text) => context.Out.Write(text);

        public void Check(string name, bool passed, string detail, bool quiet = false)
        {
            checks.Add(new TourCheck(section, name, passed, detail));
            if (!quiet || !passed)
            {
                context.Out.WriteLine($"  [{(passed ? "ok" : "FAILED")}] {name}{(passed ? string.Empty : " -- " + detail)}");
            }
        }
    }
}
