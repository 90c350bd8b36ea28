using System.Globalization;

namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// Every unary function (and every operator and Dual&lt;T&gt; static function with one argument free) against
/// closed-form derivatives written in the test and against Ridders-extrapolated finite differences, for the
/// first derivative on Dual&lt;double&gt;, the second and third by nesting, and on float and Half.
/// </summary>
[TestFixture]
public sealed class UnaryOracleTests
{
    private static IEnumerable<UnaryFunction> Functions => UnaryFunctions.All;

    private static IEnumerable<UnaryFunction> FiniteDifferenceFunctions => UnaryFunctions.All.Where(f => f.FiniteDifferenceApplies);

    private static string At(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    [TestCaseSource(nameof(Functions))]
    public void Value_OnDualDouble_IsBitwiseTheDoubleResult(UnaryFunction f)
    {
        foreach (double x in f.Points.Concat([double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0]))
        {
            double expected = f.Apply(x);
            Dual<double> actual = f.Apply(Dual<double>.Variable(x));
            Assert.That(BitConverter.DoubleToInt64Bits(actual.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), () => $"{f.Name}({At(x)}) = {actual.Value:R}, double gives {expected:R}");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void FirstDerivative_OnDualDouble_MatchesClosedForm(UnaryFunction f)
    {
        foreach (double x in f.Points)
        {
            Dual<double> result = f.Apply(Dual<double>.Variable(x));
            Close.Check(result.Derivative, f.D1(x), f.RelativeTolerance, $"{f.Name}′", x);
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void FirstDerivative_OfFiniteConstant_IsExactlyZero(UnaryFunction f)
    {
        foreach (double x in UnaryFunctions.Grid.Append(-0.0))
        {
            Dual<double> result = f.Apply(Dual<double>.Constant(x));
            Assert.That(result.Derivative, Is.Zero, () => $"{f.Name}′ of the constant {At(x)}");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void FirstDerivative_OfNonFiniteConstant_IsExactlyZero(UnaryFunction f)
    {
        foreach (double x in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Dual<double> result = f.Apply(Dual<double>.Constant(x));
            Assert.That(result.Derivative, Is.Zero, () => $"{f.Name}′ of the constant {At(x)} (strong zero)");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void NestedConstant_KeepsEveryPartialExactlyZero(UnaryFunction f)
    {
        foreach (double x in UnaryFunctions.Grid.Append(-0.0))
        {
            Dual<Dual<double>> result = f.Apply(Seeds.ConstantSecond(x));
            Assert.That(result.Value.Derivative, Is.Zero, () => $"{f.Name} of the nested constant {At(x)}: inner partial");
            Assert.That(result.Derivative.Value, Is.Zero, () => $"{f.Name} of the nested constant {At(x)}: outer partial");
            Assert.That(result.Derivative.Derivative, Is.Zero, () => $"{f.Name} of the nested constant {At(x)}: mixed partial");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void InnerVariableOnly_LeavesTheOuterPartialsExactlyZero(UnaryFunction f)
    {
        // Perturbing only the inner level is a first derivative carried one level down: the outer level must
        // stay a constant (no perturbation confusion between the levels).
        foreach (double x in f.Points)
        {
            Dual<Dual<double>> result = f.Apply(new Dual<Dual<double>>(Dual<double>.Variable(x), default));
            Assert.That(result.Derivative.Value, Is.Zero, () => $"{f.Name} at {At(x)}: outer partial");
            Assert.That(result.Derivative.Derivative, Is.Zero, () => $"{f.Name} at {At(x)}: mixed partial");
            Close.Check(result.Value.Derivative, f.D1(x), f.RelativeTolerance, $"{f.Name}′ on the inner level", x);
        }
    }

    [TestCase("Sin", 0.5)]
    [TestCase("Exp", -1.5)]
    [TestCase("Log", 3.0)]
    [TestCase("Atan", 2.0)]
    [TestCase("Tanh", 0.3)]
    [TestCase("Pow(x, 2.5)", 1.7)]
    public void SecondDerivative_OnNestedFloat_IsCloseToClosedForm(string name, double point)
    {
        UnaryFunction f = UnaryFunctions.All.Single(u => u.Name == name);
        float x = (float)point;
        Dual<Dual<float>> result = f.Apply(Seeds.Second(x));
        Assert.That((double)result.Derivative.Derivative, Is.EqualTo(f.D2(x)).Within(1e-3).Percent);
    }

    [TestCaseSource(nameof(FiniteDifferenceFunctions))]
    public void FirstDerivative_OnDualDouble_MatchesRiddersFiniteDifference(UnaryFunction f)
    {
        foreach (double x in f.Points.Where(p => Math.Abs(p) <= f.FiniteDifferenceMaxAbs))
        {
            double step = FiniteDifference.StartingStep(x, f.Distance(x));
            if (!(step > Math.Abs(x) * 1e-12))
            {
                continue; // x is so close to a kink that no step resolves it; the closed form covers it.
            }

            (double fd, double error) = FiniteDifference.Ridders(f.Apply, x, step);
            double ad = f.Apply(Dual<double>.Variable(x)).Derivative;
            double bound = (4 * error) + (1e-12 * Math.Abs(fd)) + 1e-300;
            Assert.That(
                Math.Abs(ad - fd),
                Is.LessThanOrEqualTo(bound),
                () => $"{f.Name}′({At(x)}): AD {ad:R}, finite differences {fd:R} ± {error:G3}");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void SecondDerivative_ByNesting_MatchesClosedForm(UnaryFunction f)
    {
        foreach (double x in f.Points)
        {
            Dual<Dual<double>> result = f.Apply(Seeds.Second(x));
            Assert.That(BitConverter.DoubleToInt64Bits(result.Value.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(f.Apply(x))), () => $"{f.Name}({At(x)}) value through two levels");
            Close.Check(result.Value.Derivative, f.D1(x), f.RelativeTolerance, $"{f.Name}′ (inner)", x);
            Close.Check(result.Derivative.Value, f.D1(x), f.RelativeTolerance, $"{f.Name}′ (outer)", x);
            Close.Check(result.Derivative.Derivative, f.D2(x), f.RelativeTolerance * 10, $"{f.Name}″", x);
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void ThirdDerivative_ByNesting_MatchesClosedForm(UnaryFunction f)
    {
        foreach (double x in f.Points)
        {
            Dual<Dual<Dual<double>>> result = f.Apply(Seeds.Third(x));
            Close.Check(result.Value.Value.Derivative, f.D1(x), f.RelativeTolerance, $"{f.Name}′", x);
            Close.Check(result.Value.Derivative.Derivative, f.D2(x), f.RelativeTolerance * 10, $"{f.Name}″ (ε₁ε₂)", x);
            Close.Check(result.Derivative.Value.Derivative, f.D2(x), f.RelativeTolerance * 10, $"{f.Name}″ (ε₁ε₃)", x);
            Close.Check(result.Derivative.Derivative.Derivative, f.D3(x), f.RelativeTolerance * 100, $"{f.Name}‴", x);
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void FirstDerivative_OnDualFloat_MatchesClosedForm(UnaryFunction f)
    {
        foreach (double point in f.Points)
        {
            float x = (float)point;
            double exact = f.D1(x);
            float value = f.Apply(x);
            bool normal = (exact == 0 || Math.Abs(exact) > 1e-30) && (value == 0 || Math.Abs(value) > 1e-30);
            if (!f.Valid(x) || Math.Abs(x) > 1e4 || (x != 0 && Math.Abs(x) < 1e-30) || !float.IsFinite((float)exact) || !float.IsFinite(value) || !normal)
            {
                continue; // outside float's normal range (or the float point fell outside the domain)
            }

            Dual<float> result = f.Apply(Dual<float>.Variable(x));
            Close.Check(result.Derivative, exact, Math.Max(f.RelativeTolerance, f.FloatTolerance), $"{f.Name}′ on float", x);
        }
    }

    [TestCase("Sin", 0.5)]
    [TestCase("Cos", 0.5)]
    [TestCase("Exp", 1.0)]
    [TestCase("Log", 2.0)]
    [TestCase("Sqrt", 4.0)]
    [TestCase("Tanh", 0.25)]
    [TestCase("Atan", -1.0)]
    [TestCase("x / x²+1", 2.0)]
    [TestCase("Pow(x, 3)", -1.5)]
    public void FirstDerivative_OnDualHalf_IsCloseToClosedForm(string name, double point)
    {
        UnaryFunction f = UnaryFunctions.All.Single(u => u.Name == name);
        Half x = (Half)point;
        Dual<Half> result = f.Apply(Dual<Half>.Variable(x));
        Assert.That((double)result.Value, Is.EqualTo(f.Apply(point)).Within(2e-3).Percent.Or.EqualTo(f.Apply(point)).Within(1e-3));
        Assert.That((double)result.Derivative, Is.EqualTo(f.D1(point)).Within(0.3).Percent);
    }

    [Test]
    public void Table_CoversEveryFunctionExactlyOnce()
    {
        Assert.That(UnaryFunctions.All.Select(f => f.Name), Is.Unique);
        foreach (UnaryFunction f in UnaryFunctions.All)
        {
            Assert.That(f.Points.Count(), Is.GreaterThanOrEqualTo(6), f.Name);
        }
    }
}
