using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Tests;

/// <summary>The parser against a table of valid and invalid inputs.</summary>
public sealed class ExpressionParserTests
{
    // (input, canonical print, value at x = 2, y = 3)
    private static readonly object[] ValidCases =
    [
        new object[] { "1 + 2 * 3", "1 + 2*3", 7.0 },
        new object[] { "(1 + 2) * 3", "(1 + 2)*3", 9.0 },
        new object[] { "2^3^2", "2^3^2", 512.0 },
        new object[] { "(2^3)^2", "(2^3)^2", 64.0 },
        new object[] { "-x^2", "-x^2", -4.0 },
        new object[] { "(-x)^2", "(-x)^2", 4.0 },
        new object[] { "2^-x", "2^-x", 0.25 },
        new object[] { "2^-x^2", "2^-x^2", 1.0 / 16 },
        new object[] { "-2*x", "-2*x", -4.0 },
        new object[] { "--x", "--x", 2.0 },
        new object[] { "+x", "x", 2.0 },
        new object[] { "x - y - 1", "x - y - 1", -2.0 },
        new object[] { "x - (y - 1)", "x - (y - 1)", 0.0 },
        new object[] { "x / y / 2", "x/y/2", 1.0 / 3 },
        new object[] { "x / (y * 2)", "x/(y*2)", 1.0 / 3 },
        new object[] { "  x\t*\n y  ", "x*y", 6.0 },
        new object[] { "1e-3", "0.001", 1e-3 },
        new object[] { "1E+3 * x", "1000*x", 2000.0 },
        new object[] { ".5 + 1.", "0.5 + 1", 1.5 },
        new object[] { "3 * x ** 2 - 4 * x", "3*x^2 - 4*x", 4.0 },
        new object[] { "pi", "pi", Math.PI },
        new object[] { "e^1", "e^1", Math.E },
        new object[] { "π", "pi", Math.PI },
        new object[] { "3·x − 4×x ÷ 2", "3*x - 4*x/2", 2.0 },
        new object[] { "sin(x)^2 + cos(x)^2", "sin(x)^2 + cos(x)^2", 1.0 },
        new object[] { "log(8, 2)", "log(8, 2)", 3.0 },
        new object[] { "ln(e)", "log(e)", 1.0 },
        new object[] { "atan2(y, x)", "atan2(y, x)", Math.Atan2(3, 2) },
        new object[] { "max(x, y) - min(x, y)", "max(x, y) - min(x, y)", 1.0 },
        new object[] { "fma(x, y, 1)", "fma(x, y, 1)", 7.0 },
        new object[] { "clamp(x, y, 1)", "clamp(x, y, 1)", double.NaN },
        new object[] { "hypot(3, 4)", "hypot(3, 4)", 5.0 },
        new object[] { "x_1 + x", "x_1 + x", 4.0 },
    ];

    // (input, 1-based column, fragment of the message)
    private static readonly object[] InvalidCases =
    [
        new object[] { "", 1, "the expression is empty" },
        new object[] { "   ", 4, "the expression is empty" },
        new object[] { "x +", 4, "unexpected end of the expression" },
        new object[] { "2x", 2, "expected an operator" },
        new object[] { "(x + 1", 7, "close the '(' at column 1" },
        new object[] { "x + 1)", 6, "unmatched ')'" },
        new object[] { "x $ 1", 3, "unexpected '$'" },
        new object[] { "sni(x)", 1, "did you mean 'sin'?" },
        new object[] { "sqr(x)", 1, "did you mean 'sqrt'?" },
        new object[] { "atan2(1)", 1, "atan2 takes 2 arguments but was given 1" },
        new object[] { "sin(1, 2)", 1, "sin takes 1 argument but was given 2" },
        new object[] { "sin", 4, "'sin' is a function" },
        new object[] { "pi(2)", 3, "'pi' is a constant" },
        new object[] { "1e999", 1, "too large" },
        new object[] { "sin(x,", 7, "unexpected end of the expression" },
        new object[] { "sin(x;", 6, "',' or ')'" },
        new object[] { "x ^ * 2", 5, "expected a number, a variable" },
        new object[] { "1.2.3", 4, "expected an operator" },
        new object[] { "2e", 2, "expected an operator" },
    ];

    [TestCaseSource(nameof(ValidCases))]
    public void Parse_ValidInput_PrintsCanonicallyAndEvaluates(string input, string canonical, double value)
    {
        var e = Expression.Parse(input);
        var values = e.Variables.Select(v => v == "y" ? 3.0 : 2.0).ToArray();

        Assert.That(e.ToString(), Is.EqualTo(canonical));
        Assert.That(e.Evaluate<double>(values), Is.EqualTo(value).Within(1e-15));
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Parse_InvalidInput_ReportsColumnAndReason(string input, int column, string fragment)
    {
        var ex = Assert.Throws<ExpressionParseException>(() => Expression.Parse(input))!;

        Assert.That(ex.Column, Is.EqualTo(column), ex.Message);
        Assert.That(ex.Message, Does.Contain(fragment));
    }

    [Test]
    public void Render_PutsTheCaretUnderTheOffendingColumn()
    {
        var ex = Assert.Throws<ExpressionParseException>(() => Expression.Parse("x^2 + )"))!;
        var lines = ex.Render().Split('\n');

        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Does.StartWith("error: unexpected ')' at column 7; expected a number"));
        Assert.That(lines[1], Is.EqualTo("  x^2 + )"));
        Assert.That(lines[2], Is.EqualTo("        ^"));
    }

    [Test]
    public void Render_UnknownFunction_UnderlinesTheWholeName()
    {
        var ex = Assert.Throws<ExpressionParseException>(() => Expression.Parse("2*exq(x)"))!;

        Assert.That(ex.Render().Split('\n')[2], Is.EqualTo("    ^^^"));
        Assert.That(ex.Hint, Is.EqualTo("did you mean 'exp'?"));
    }

    [Test]
    public void Render_LongExpression_ShowsAWindowAroundTheError()
    {
        var text = string.Concat(Enumerable.Repeat("x + ", 100)) + "$";
        var ex = Assert.Throws<ExpressionParseException>(() => Expression.Parse(text))!;
        var lines = ex.Render().Split('\n');

        Assert.That(lines[1], Does.StartWith("  …"));
        Assert.That(lines[1].Length, Is.LessThan(80));
        Assert.That(lines[1][lines[2].IndexOf('^', StringComparison.Ordinal)], Is.EqualTo('$'));
    }

    [Test]
    public void Parse_NestingAtTheLimit_Parses()
    {
        var depth = ExpressionParser.MaxNesting;
        var text = new string('(', depth) + "x" + new string(')', depth);

        Assert.That(Expression.Parse(text).Evaluate<double>([5.0]), Is.EqualTo(5.0));
    }

    [TestCase("(", ")")]
    [TestCase("-", "")]
    [TestCase("sin(", ")")]
    [TestCase("2^", "")]
    public void Parse_NestingBeyondTheLimit_IsAParseErrorNotAStackOverflow(string open, string close)
    {
        var depth = 100_000;
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));

        var ex = Assert.Throws<ExpressionParseException>(() => Expression.Parse(text))!;
        Assert.That(ex.Message, Does.Contain("nests deeper than"));
    }

    [Test]
    public void Evaluate_LongFlatSum_NeedsNoRecursion()
    {
        var text = string.Join("+", Enumerable.Repeat("x", 50_000));
        var e = Expression.Parse(text);

        Assert.That(e.Evaluate<double>([1.0]), Is.EqualTo(50_000.0));
        Assert.That(e.Evaluate<Dual<double>>([Dual<double>.Variable(1.0)]).Derivative, Is.EqualTo(50_000.0));
    }

    [Test]
    public void Variables_AreListedInOrderOfFirstAppearance()
    {
        var e = Expression.Parse("b*a + c^b - a");

        Assert.That(e.Variables, Is.EqualTo(new[] { "b", "a", "c" }));
    }

    [Test]
    public void Evaluate_OutsideTheDomain_GivesIeeeResultsNotExceptions()
    {
        Assert.That(Expression.Parse("log(x)").Evaluate<double>([-1.0]), Is.NaN);
        Assert.That(Expression.Parse("1/x").Evaluate<double>([0.0]), Is.EqualTo(double.PositiveInfinity));
        Assert.That(Expression.Parse("clamp(x, 2, 1)").Evaluate<double>([0.0]), Is.NaN);
    }

    [Test]
    public void Evaluate_TooFewValues_ThrowsArgumentExceptionNamingBothCounts()
    {
        var e = Expression.Parse("x + y");

        var ex = Assert.Throws<ArgumentException>(() => e.Evaluate<double>([1.0]))!;
        Assert.That(ex.Message, Does.Contain("2 variables").And.Contain("1 values"));
    }

    [TestCase("sni", "sin")]
    [TestCase("cso", "cos")]
    [TestCase("SQRT", "sqrt")]
    [TestCase("lgo", "log")]
    [TestCase("expm", "exp")]
    [TestCase("zzzzzzzz", null)]
    public void Nearest_SuggestsTheClosestKnownName(string typed, string? expected)
    {
        Assert.That(FunctionTable.Nearest(typed), Is.EqualTo(expected));
    }

    [Test]
    public void EveryFunction_ParsesAndEvaluatesOnDoubleAndDual()
    {
        foreach (var f in FunctionTable.All)
        {
            var args = string.Join(", ", Enumerable.Range(0, f.Arity).Select(i => i == 0 ? "x" : "0.25"));
            var e = Expression.Parse($"{f.Name}({args})");
            var plain = e.Evaluate<double>([0.5]);
            var dual = e.Evaluate<Dual<double>>([Dual<double>.Variable(0.5)]);

            Assert.That(dual.Value, Is.EqualTo(plain), f.Name);
        }
    }
}
