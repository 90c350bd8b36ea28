using System.Globalization;
using System.Numerics;

namespace ForwardDiff.Tests.Textbook;

/// <summary>
/// The worked examples of the textbook section on derivatives (2.4), each written once as a generic
/// function and run on double (the value) and on Dual&lt;double&gt; (value and exact derivative).
/// </summary>
[TestFixture]
public sealed class TextbookExamples
{
    private static readonly double[] Points = [-3.7, -2, -1.25, -0.5, -1e-3, 0, 1e-3, 0.3, 0.5, 1, 1.5, 2, 3.25, 10, 123.456];

    // u = f(x) = 3x² − 4x (2.4.1's running example).
    private static T F<T>(T x)
        where T : IFloatingPointIeee754<T>
        => (T.CreateChecked(3) * x * x) - (T.CreateChecked(4) * x);

    private static T Seven<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.CreateChecked(7);

    private static T FifthPower<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.Pow(x, T.CreateChecked(5));

    private static T FifthPowerByProducts<T>(T x)
        where T : IFloatingPointIeee754<T>
        => x * x * x * x * x;

    private static T Exponential<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.Exp(x);

    private static T NaturalLog<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.Log(x);

    private static T FiveXCubed<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.CreateChecked(5) * x * x * x;

    private static T SquarePlusThreeX<T>(T x)
        where T : IFloatingPointIeee754<T>
        => (x * x) + (T.CreateChecked(3) * x);

    private static T SquareTimesSine<T>(T x)
        where T : IFloatingPointIeee754<T>
        => x * x * T.Sin(x);

    private static T SquareOverOnePlusX<T>(T x)
        where T : IFloatingPointIeee754<T>
        => x * x / (T.One + x);

    private static T SineOfSquare<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.Sin(x * x);

    // y = u₁² + u₂² with u₁ = x₁ + x₂, u₂ = x₁ − x₂ (the multivariable chain-rule example).
    private static T ChainExample<T>(T x1, T x2)
        where T : IFloatingPointIeee754<T>
    {
        T u1 = x1 + x2;
        T u2 = x1 - x2;
        return (u1 * u1) + (u2 * u2);
    }

    private static void AssertDerivative(Func<Dual<double>, Dual<double>> dualF, Func<double, double> doubleF, Func<double, double> derivative, IEnumerable<double> points, double tolerance)
    {
        foreach (double x in points)
        {
            Dual<double> result = dualF(Dual<double>.Variable(x));
            Assert.That(result.Value, Is.EqualTo(doubleF(x)), () => $"value at {x}");
            Assert.That(result.Derivative, Is.EqualTo(derivative(x)).Within(tolerance).Ulps.Or.EqualTo(derivative(x)).Within(1e-14), () => $"derivative at {x}");
        }
    }

    [Test]
    public void NumericalLimitTable_ForThreeXSquaredMinusFourX_PrintsTheBooksDigits()
    {
        string[] expected =
        [
            "h=0.10000, numerical limit=2.30000",
            "h=0.01000, numerical limit=2.03000",
            "h=0.00100, numerical limit=2.00300",
            "h=0.00010, numerical limit=2.00030",
            "h=0.00001, numerical limit=2.00003",
        ];
        var printed = new List<string>();
        for (int k = 1; k <= 5; k++)
        {
            double h = Math.Pow(10.0, -k);
            double limit = (F(1 + h) - F(1.0)) / h;
            printed.Add(string.Create(CultureInfo.InvariantCulture, $"h={h:F5}, numerical limit={limit:F5}"));
        }

        Assert.That(printed, Is.EqualTo(expected));
    }

    [Test]
    public void NumericalLimitTable_ApproachesTheAutomaticDerivativeLinearlyInH()
    {
        double exact = F(Dual<double>.Variable(1.0)).Derivative;
        for (int k = 1; k <= 5; k++)
        {
            double h = Math.Pow(10.0, -k);
            double limit = (F(1 + h) - F(1.0)) / h;

            // (f(1 + h) − f(1)) / h = 2 + 3h exactly, so the error is 3h up to rounding.
            Assert.That(limit - exact, Is.EqualTo(3 * h).Within(1e-9));
        }
    }

    [Test]
    public void AutomaticDerivative_OfThreeXSquaredMinusFourX_AtOne_IsExactlyTwo()
    {
        Dual<double> result = F(Dual<double>.Variable(1.0));
        Assert.That(result.Value, Is.EqualTo(-1.0));
        Assert.That(result.Derivative, Is.EqualTo(2.0));
    }

    [Test]
    public void ThreeXSquaredMinusFourX_Derivative_IsSixXMinusFour() =>
        AssertDerivative(F, F, x => (6 * x) - 4, Points, 2);

    [Test]
    public void ConstantRule_SevenHasDerivativeZero()
    {
        foreach (double x in Points)
        {
            Dual<double> result = Seven(Dual<double>.Variable(x));
            Assert.That(result.Value, Is.EqualTo(7.0));
            Assert.That(result.Derivative, Is.Zero);
        }
    }

    [Test]
    public void PowerRule_XToTheFifth_IsFiveXToTheFourth()
    {
        AssertDerivative(FifthPower, FifthPower, x => 5 * Math.Pow(x, 4), Points, 8);
        AssertDerivative(FifthPowerByProducts, FifthPowerByProducts, x => 5 * x * x * x * x, Points, 8);
    }

    [Test]
    public void ExponentialRule_ExpIsItsOwnDerivative() =>
        AssertDerivative(Exponential, Exponential, Math.Exp, Points, 0);

    [Test]
    public void LogarithmRule_LnXHasDerivativeOneOverX() =>
        AssertDerivative(NaturalLog, NaturalLog, x => 1 / x, Points.Where(x => x > 0), 0);

    [Test]
    public void ConstantMultipleRule_FiveXCubed_IsFifteenXSquared() =>
        AssertDerivative(FiveXCubed, FiveXCubed, x => 15 * x * x, Points, 4);

    [Test]
    public void SumRule_XSquaredPlusThreeX_IsTwoXPlusThree() =>
        AssertDerivative(SquarePlusThreeX, SquarePlusThreeX, x => (2 * x) + 3, Points, 2);

    [Test]
    public void ProductRule_XSquaredSinX_IsXSquaredCosXPlusTwoXSinX() =>
        AssertDerivative(SquareTimesSine, SquareTimesSine, x => (x * x * Math.Cos(x)) + (2 * x * Math.Sin(x)), Points, 16);

    [Test]
    public void QuotientRule_XSquaredOverOnePlusX_IsXTimesTwoPlusXOverOnePlusXSquared() =>
        AssertDerivative(SquareOverOnePlusX, SquareOverOnePlusX, x => x * (2 + x) / ((1 + x) * (1 + x)), Points.Where(x => x != -1), 16);

    [Test]
    public void ChainRule_SinOfXSquared_IsTwoXCosXSquared() =>
        AssertDerivative(SineOfSquare, SineOfSquare, x => 2 * x * Math.Cos(x * x), Points, 4);

    [Test]
    public void TangentLine_OfThreeXSquaredMinusFourX_AtOne_IsTwoXMinusThree()
    {
        Dual<double> at1 = F(Dual<double>.Variable(1.0));

        // Tangent t(x) = f(1) + f′(1)(x − 1); the book plots 2x − 3.
        foreach (double x in Points)
        {
            double tangent = at1.Value + (at1.Derivative * (x - 1));
            Assert.That(tangent, Is.EqualTo((2 * x) - 3).Within(1e-12));
        }

        Assert.That(at1.Derivative, Is.EqualTo(2.0));
        Assert.That(at1.Value - at1.Derivative, Is.EqualTo(-3.0));
    }

    [Test]
    public void MultivariableChainRule_ByTwoDualPasses_GivesFourX1AndFourX2()
    {
        foreach (double x1 in Points)
        {
            foreach (double x2 in Points)
            {
                double dy1 = ChainExample(Dual<double>.Variable(x1), Dual<double>.Constant(x2)).Derivative;
                double dy2 = ChainExample(Dual<double>.Constant(x1), Dual<double>.Variable(x2)).Derivative;
                Assert.That(dy1, Is.EqualTo(4 * x1).Within(4).Ulps.Or.EqualTo(4 * x1).Within(1e-12), () => $"∂y/∂x₁ at ({x1}, {x2})");
                Assert.That(dy2, Is.EqualTo(4 * x2).Within(4).Ulps.Or.EqualTo(4 * x2).Within(1e-12), () => $"∂y/∂x₂ at ({x1}, {x2})");
                Assert.That(ChainExample(x1, x2), Is.EqualTo(2 * ((x1 * x1) + (x2 * x2))).Within(1e-12).Percent);
            }
        }
    }

    [Test]
    public void GradientRules_AxGivesATransposedAndXtAxGivesASymmetrisedX()
    {
        double[,] a = { { 2, -1, 0.5 }, { 3, 4, -2 }, { 0, 1.5, 7 } };
        double[] x = [0.3, -1.2, 2.5];
        for (int j = 0; j < 3; j++)
        {
            // Seed x_j: the j-th column of the Jacobian of Ax, and the j-th entry of the gradient of xᵀAx.
            var seeded = new Dual<double>[3];
            for (int i = 0; i < 3; i++)
            {
                seeded[i] = i == j ? Dual<double>.Variable(x[i]) : Dual<double>.Constant(x[i]);
            }

            Dual<double> quadratic = Dual<double>.Zero;
            double expectedQuadratic = 0;
            for (int i = 0; i < 3; i++)
            {
                Dual<double> row = Dual<double>.Zero;
                for (int k = 0; k < 3; k++)
                {
                    row += a[i, k] * seeded[k];
                    quadratic += seeded[i] * a[i, k] * seeded[k];
                }

                Assert.That(row.Derivative, Is.EqualTo(a[i, j]), () => $"∂(Ax)_{i}/∂x_{j}");
                expectedQuadratic += (a[j, i] + a[i, j]) * x[i];
            }

            Assert.That(quadratic.Derivative, Is.EqualTo(expectedQuadratic).Within(1e-12), () => $"∂(xᵀAx)/∂x_{j}");

            // ∇‖x‖² = 2x.
            Dual<double> norm2 = (seeded[0] * seeded[0]) + (seeded[1] * seeded[1]) + (seeded[2] * seeded[2]);
            Assert.That(norm2.Derivative, Is.EqualTo(2 * x[j]));
        }
    }

    [Test]
    public void EveryExample_RunsUnchangedOnDouble_AndGivesTheSameValueAsOnDual()
    {
        foreach (double x in Points.Where(p => p > 0))
        {
            Assert.That(SineOfSquare(Dual<double>.Variable(x)).Value, Is.EqualTo(SineOfSquare(x)));
            Assert.That(SquareOverOnePlusX(Dual<double>.Variable(x)).Value, Is.EqualTo(SquareOverOnePlusX(x)));
            Assert.That(NaturalLog(Dual<double>.Variable(x)).Value, Is.EqualTo(NaturalLog(x)));
            Assert.That(FifthPower(Dual<double>.Variable(x)).Value, Is.EqualTo(FifthPower(x)));
        }
    }
}
