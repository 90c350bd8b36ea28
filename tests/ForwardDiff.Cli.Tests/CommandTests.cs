using System.Text.Json;

namespace ForwardDiff.Cli.Tests;

/// <summary>Every command in-process, compared against golden output.</summary>
public sealed class CommandTests
{
    [Test]
    public void Derivative_TextbookProduct_PrintsRoundTripValues()
    {
        // d/dx x^2 sin x = 2x sin x + x^2 cos x = 2 sin 1 + cos 1 = 2.22324427548393273… at x = 1.
        var (code, output, error) = CliRunner.Run("derivative", "x^2*sin(x)", "--at", "1");

        Assert.That(code, Is.Zero);
        Assert.That(error, Is.Empty);
        Assert.That(output, Is.EqualTo(
            """
            f(x) = x^2*sin(x)  at x = 1
              order  derivative  value
              0      f           0.8414709848078965
              1      df/dx       2.2232442754839328

            """.Replace("\r", string.Empty, StringComparison.Ordinal)));
    }

    [Test]
    public void Derivative_NegativePointAndLeadingMinus_ParseAsValues()
    {
        var (code, output, _) = CliRunner.Run("derivative", "-x^2", "--at", "-1", "--order", "2");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            f(x) = -x^2  at x = -1
              order  derivative  value
              0      f           -1
              1      df/dx       2
              2      d2f/dx2     -2

            """));
    }

    [Test]
    public void Derivative_OrderFour_NestsDualsFourDeep()
    {
        var (code, output, _) = CliRunner.Run("derivative", "exp(2*x)", "--at", "0", "--order", "4", "--json");
        using var doc = JsonDocument.Parse(output);
        var derivatives = doc.RootElement.GetProperty("derivatives").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        Assert.That(code, Is.Zero);
        Assert.That(doc.RootElement.GetProperty("value").GetDouble(), Is.EqualTo(1.0));
        Assert.That(derivatives, Is.EqualTo(new[] { 2.0, 4.0, 8.0, 16.0 }));
    }

    [Test]
    public void Derivative_Json_HasFullPrecisionNumbers()
    {
        var (code, output, _) = CliRunner.Run("derivative", "3*x^2 - 4*x", "--at", "1", "--order", "2", "--json");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            {
              "expression": "3*x^2 - 4*x",
              "variable": "x",
              "at": 1,
              "value": -1,
              "derivatives": [
                2,
                6
              ]
            }

            """));
    }

    [Test]
    public void Derivative_Digits_ShortensEveryNumber()
    {
        var (code, output, _) = CliRunner.Run("derivative", "x^2", "--at", "x=pi/4", "--digits", "5");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            f(x) = x^2  at x = 0.7854
              order  derivative  value
              0      f           0.61685
              1      df/dx       1.5708

            """));
    }

    [Test]
    public void Derivative_OutsideTheDomain_ReportsNaNPlainlyWithExitCode2()
    {
        var (code, output, error) = CliRunner.Run("derivative", "log(x)", "--at", "-1");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("0      f           NaN"));
        Assert.That(error, Is.EqualTo("evaluation error: f is NaN (undefined) at x = -1: the point is outside the domain where the expression is finite and differentiable\n"));
    }

    [Test]
    public void Derivative_InfiniteSlope_ReportsInfinityWithExitCode2()
    {
        var (code, _, error) = CliRunner.Run("derivative", "sqrt(x)", "--at", "0");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("evaluation error: df/dx is +infinite at x = 0"));
    }

    [Test]
    public void Derivative_ParseError_ShowsCaretAndExitCode1()
    {
        var (code, output, error) = CliRunner.Run("derivative", "x^2 + )", "--at", "1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Is.EqualTo(
            """
            error: unexpected ')' at column 7; expected a number, a variable, a function call or '('
              x^2 + )
                    ^

            """));
    }

    [Test]
    public void Derivative_UnknownFunction_SuggestsTheNearestName()
    {
        var (code, _, error) = CliRunner.Run("derivative", "sni(x)", "--at", "1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("error: unknown function 'sni' at column 1; did you mean 'sin'?"));
    }

    [Test]
    public void Derivative_UnknownVariable_NamesTheVariablesGiven()
    {
        var (code, _, error) = CliRunner.Run("derivative", "x^2", "--at", "y=2");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Is.EqualTo("error: unknown variable 'x' in \"x^2\"; the variables given are y (add x=<value> to --at)\n"));
    }

    [TestCase("--order", "9", "--order must be between 0 and 4 (got 9)")]
    [TestCase("--digits", "0", "--digits must be between 1 and 17 (got 0)")]
    public void Derivative_OutOfRangeOption_IsAUsageError(string option, string value, string message)
    {
        var (code, _, error) = CliRunner.Run("derivative", "x", "--at", "1", option, value);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Is.EqualTo("error: " + message + "\n"));
    }

    [Test]
    public void Derivative_TwoVariables_PointsToGradient()
    {
        var (code, _, error) = CliRunner.Run("derivative", "x*y", "--at", "1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("use 'fdiff gradient'"));
    }

    [Test]
    public void Derivative_MissingAt_IsAUsageErrorWithoutStackTrace()
    {
        var (code, _, error) = CliRunner.Run("derivative", "x");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--at").And.Not.Contain("   at "));
    }

    [Test]
    public void Gradient_TwoVariables_PrintsAlignedTable()
    {
        var (code, output, _) = CliRunner.Run("gradient", "x^2*y + sin(y)", "--at", "x=1,y=2");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            f(x, y) = x^2*y + sin(y)  at x = 1, y = 2
              f = 2.909297426825682
              variable  at  df/dvariable
              x         1   4
              y         2   0.5838531634528576

            """));
    }

    [Test]
    public void Gradient_BareValues_AskForNames()
    {
        var (code, _, error) = CliRunner.Run("gradient", "x*y", "--at", "1,2");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Is.EqualTo("error: --at needs variable names here, e.g. --at x=1,y=2\n"));
    }

    [Test]
    public void Hessian_TwoVariables_PrintsGradientAndSymmetricMatrix()
    {
        var (code, output, _) = CliRunner.Run("hessian", "x^2*y + sin(y)", "--at", "x=1,y=2");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            f(x, y) = x^2*y + sin(y)  at x = 1, y = 2
              f = 2.909297426825682
              variable  at  df/dvariable
              x         1   4
              y         2   0.5838531634528576
              Hessian d2f/(drow dcolumn):
                   x  y
                x  4  2
                y  2  -0.9092974268256817

            """));
    }

    [Test]
    public void Hessian_Json_MatchesClosedForm()
    {
        var (code, output, _) = CliRunner.Run("hessian", "x^3*y^2", "--at", "x=2,y=-1", "--json");
        using var doc = JsonDocument.Parse(output);
        var h = doc.RootElement.GetProperty("hessian");

        // f = x^3 y^2: f_xx = 6xy^2 = 12, f_xy = 6x^2 y = -24, f_yy = 2x^3 = 16.
        Assert.That(code, Is.Zero);
        Assert.That(h[0][0].GetDouble(), Is.EqualTo(12.0));
        Assert.That(h[0][1].GetDouble(), Is.EqualTo(-24.0));
        Assert.That(h[1][0].GetDouble(), Is.EqualTo(-24.0));
        Assert.That(h[1][1].GetDouble(), Is.EqualTo(16.0));
    }

    [Test]
    public void Jacobian_TextbookChainRule_PrintsMatrix()
    {
        var (code, output, _) = CliRunner.Run("jacobian", "x1 + x2; x1 - x2", "--at", "x1=1,x2=2");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            f1(x1, x2) = x1 + x2
            f2(x1, x2) = x1 - x2
            at x1 = 1, x2 = 2
              function  value
              f1        3
              f2        -1
              Jacobian d(row)/d(column):
                    x1  x2
                f1  1   1
                f2  1   -1

            """));
    }

    [Test]
    public void Jacobian_ParseErrorInSecondExpression_PointsIntoTheWholeArgument()
    {
        var (code, _, error) = CliRunner.Run("jacobian", "x1 + x2; x1 - )", "--at", "x1=1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Is.EqualTo(
            """
            error: unexpected ')' at column 15; expected a number, a variable, a function call or '('
              x1 + x2; x1 - )
                            ^

            """));
    }

    [Test]
    public void Jacobian_EmptyExpression_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("jacobian", "x1 + x2;; x1", "--at", "x1=1,x2=2");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("expression 2 of \"x1 + x2;; x1\" is empty"));
    }

    [Test]
    public void Limit_TextbookFunction_ShowsConvergenceAndCancellation()
    {
        var (code, output, _) = CliRunner.Run("limit", "3*x^2 - 4*x", "--at", "1");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo(
            """
            f(x) = 3*x^2 - 4*x  at x = 1
            exact derivative by AD: df/dx = 2
              h      (f(x+h) - f(x))/h   error vs AD             dominated by
              1e-1   2.3000000000000043  0.30000000000000426     truncation
              1e-2   2.0299999999999763  0.029999999999976268    truncation
              1e-3   2.002999999999311   0.0029999999993108872   truncation
              1e-4   2.0002999999979565  0.00029999999795649046  truncation
              1e-5   2.0000300000155846  3.0000015584619177E-05  truncation
              1e-6   2.0000030001021685  3.0001021684711304E-06  truncation
              1e-7   2.000000298707505   2.9870750495319953E-07  truncation
              1e-8   1.999999987845058   -1.21549419418443E-08   truncation
              1e-9   2.000000165480742   1.6548074199818075E-07  cancellation
              1e-10  2.000000165480742   1.6548074199818075E-07  cancellation
              1e-11  2.000000165480742   1.6548074199818075E-07  cancellation
              1e-12  2.000177801164682   0.00017780116468202323  cancellation
            smallest error at h = 1e-8; for smaller h, cancellation in f(x+h) - f(x) takes over and the error grows

            """));
    }

    [Test]
    public void Limit_FewSteps_SaysCancellationHasNotTakenOverYet()
    {
        var (code, output, _) = CliRunner.Run("limit", "3*x^2 - 4*x", "--at", "1", "--steps", "5", "--digits", "6");

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("  1e-5  2.00003            3E-05        truncation\n"));
        Assert.That(output, Does.EndWith("cancellation has not taken over yet (more --steps show where it does)\n"));
    }

    [Test]
    public void Limit_Json_ListsEveryRow()
    {
        var (code, output, _) = CliRunner.Run("limit", "exp(x)", "--at", "0", "--steps", "16", "--json");
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.GetProperty("rows");

        Assert.That(code, Is.Zero);
        Assert.That(rows.GetArrayLength(), Is.EqualTo(16));
        Assert.That(rows[0].GetProperty("h").GetDouble(), Is.EqualTo(0.1));
        Assert.That(rows[15].GetProperty("regime").GetString(), Is.EqualTo("cancellation"));
        Assert.That(doc.RootElement.GetProperty("derivative").GetDouble(), Is.EqualTo(1.0));
    }

    [TestCase("0")]
    [TestCase("31")]
    public void Limit_StepsOutOfRange_IsAUsageError(string steps)
    {
        var (code, _, error) = CliRunner.Run("limit", "x", "--at", "1", "--steps", steps);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("error: --steps must be between 1 and 30"));
    }

    [Test]
    public void Functions_ListsEveryFunctionAndConstant()
    {
        var (code, output, _) = CliRunner.Run("functions");

        Assert.That(code, Is.Zero);
        foreach (var f in Expressions.FunctionTable.All)
        {
            Assert.That(output, Does.Contain(f.Name + "("));
        }

        Assert.That(output, Does.Contain("constants: pi = 3.141592653589793, e = 2.718281828459045"));
    }

    [TestCase]
    [TestCase("--help")]
    [TestCase("derivative", "--help")]
    [TestCase("gradient", "--help")]
    [TestCase("hessian", "--help")]
    [TestCase("jacobian", "--help")]
    [TestCase("limit", "--help")]
    [TestCase("plot", "--help")]
    [TestCase("tour", "--help")]
    [TestCase("functions", "--help")]
    public void Help_IsAvailableEverywhere(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        Assert.That(output + error, Does.Contain("Usage:"));
        Assert.That(code, Is.EqualTo(args.Length == 0 ? 1 : 0));
    }

    [Test]
    public void UnknownCommand_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("derivate", "x", "--at", "1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("derivate"));
    }
}
