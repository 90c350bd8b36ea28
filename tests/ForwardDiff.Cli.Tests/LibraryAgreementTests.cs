using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Tests;

/// <summary>The CLI's derivatives equal the library's on the textbook examples, bit for bit.</summary>
public sealed class LibraryAgreementTests
{
    // The textbook's examples as text (what a user types) and as generic C# (what a library user writes).
    private static readonly string[] Texts =
    [
        "7", "x^5", "e^x", "ln(x)", "5*x^3", "x^2 + 3*x", "x^2*sin(x)", "x^2/(1 + x)", "sin(x^2)", "3*x^2 - 4*x",
    ];

    private static readonly double[] Points = [0.5, 1, 2, 3.7];

    private static IEnumerable<TestCaseData> Cases() =>
        Texts.SelectMany((text, id) => Points.Select(x => new TestCaseData(id, text, x).SetArgDisplayNames(text, x.ToString(CultureInfo.InvariantCulture))));

    [TestCaseSource(nameof(Cases))]
    public void DerivativeCommand_TextbookExample_EqualsAutoDiffBitForBit(int id, string text, double x)
    {
        var (code, output, _) = CliRunner.Run("derivative", text, "--at", x.ToString("R", CultureInfo.InvariantCulture), "--order", "2", "--json");
        using var doc = JsonDocument.Parse(output);
        var value = doc.RootElement.GetProperty("value").GetDouble();
        var derivatives = doc.RootElement.GetProperty("derivatives").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var library = AutoDiff.DerivativeWithValue<double>(d => Textbook(id, d), x);
        var second = AutoDiff.SecondDerivative<double>(d => Textbook(id, d), x);
        var hyper = AutoDiff.SecondDerivativeHyper<double>(h => Textbook(id, h), x);

        Assert.That(code, Is.Zero);
        Assert.That(value, Is.EqualTo(library.Value));
        Assert.That(derivatives[0], Is.EqualTo(library.Derivative));
        Assert.That(derivatives[1], Is.EqualTo(second));
        Assert.That(derivatives[1], Is.EqualTo(hyper.SecondDerivative).Within(1e-13).Percent);
    }

    [Test]
    public void GradientCommand_TextbookChainRule_EqualsAutoDiffGradient()
    {
        var (code, output, _) = CliRunner.Run("gradient", "(x1 + x2)^2 + (x1 - x2)^2", "--at", "x1=0.3,x2=-1.7", "--json");
        using var doc = JsonDocument.Parse(output);
        var gradient = doc.RootElement.GetProperty("gradient").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var expected = AutoDiff.Gradient<double, ChainRuleExample>(default, [0.3, -1.7]);

        Assert.That(code, Is.Zero);
        Assert.That(gradient, Is.EqualTo(expected));
        Assert.That(gradient, Is.EqualTo(new[] { 4 * 0.3, 4 * -1.7 }).Within(1e-15));
    }

    [Test]
    public void HessianCommand_EqualsAutoDiffHessian()
    {
        var (code, output, _) = CliRunner.Run("hessian", "(x1 + x2)^2 + (x1 - x2)^2", "--at", "x1=0.3,x2=-1.7", "--json");
        using var doc = JsonDocument.Parse(output);
        var h = doc.RootElement.GetProperty("hessian");

        var expected = AutoDiff.Hessian<double, ChainRuleExample>(default, [0.3, -1.7]);

        Assert.That(code, Is.Zero);
        Assert.That(h[0][0].GetDouble(), Is.EqualTo(expected[0, 0]).And.EqualTo(4.0));
        Assert.That(h[0][1].GetDouble(), Is.EqualTo(expected[0, 1]).And.EqualTo(0.0));
        Assert.That(h[1][1].GetDouble(), Is.EqualTo(expected[1, 1]).And.EqualTo(4.0));
    }

    [Test]
    public void ExpressionTree_RunsOnEveryNumberType()
    {
        var e = Expression.Parse("x^2*sin(x)");
        const double X = 1.25;
        var expectedFirst = (2 * X * Math.Sin(X)) + (X * X * Math.Cos(X));
        var expectedSecond = ((2 - (X * X)) * Math.Sin(X)) + (4 * X * Math.Cos(X));

        var dual = e.Evaluate<Dual<double>>([Dual<double>.Variable(X)]);
        var nested = e.Evaluate<Dual<Dual<double>>>([Dual<Dual<double>>.Variable(Dual<double>.Variable(X))]);
        var hyper = e.Evaluate<HyperDual<double>>([HyperDual<double>.Variable(X)]);
        var single = e.Evaluate<Dual<float>>([Dual<float>.Variable((float)X)]);

        Assert.That(dual.Derivative, Is.EqualTo(expectedFirst).Within(1e-15).Percent);
        Assert.That(nested.Derivative.Derivative, Is.EqualTo(expectedSecond).Within(1e-13).Percent);
        Assert.That(hyper.E1, Is.EqualTo(expectedFirst).Within(1e-13).Percent);
        Assert.That(hyper.E1E2, Is.EqualTo(expectedSecond).Within(1e-13).Percent);
        Assert.That(single.Derivative, Is.EqualTo((float)expectedFirst).Within(1e-4).Percent);
    }

    private static T Textbook<T>(int id, T x)
        where T : IFloatingPointIeee754<T>
    {
        T C(double v) => T.CreateTruncating(v);
        return id switch
        {
            0 => C(7),
            1 => T.Pow(x, C(5)),
            2 => T.Pow(C(Math.E), x),
            3 => T.Log(x),
            4 => C(5) * T.Pow(x, C(3)),
            5 => T.Pow(x, C(2)) + (C(3) * x),
            6 => T.Pow(x, C(2)) * T.Sin(x),
            7 => T.Pow(x, C(2)) / (C(1) + x),
            8 => T.Sin(T.Pow(x, C(2))),
            _ => (C(3) * T.Pow(x, C(2))) - (C(4) * x),
        };
    }

    /// <summary>y = (x₁ + x₂)² + (x₁ − x₂)², the textbook's chain-rule example, written once in generic C#.</summary>
    private readonly struct ChainRuleExample : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            var two = T.CreateTruncating(2);
            return T.Pow(x[0] + x[1], two) + T.Pow(x[0] - x[1], two);
        }
    }
}
