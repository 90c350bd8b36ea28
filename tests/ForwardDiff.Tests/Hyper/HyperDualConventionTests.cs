namespace ForwardDiff.Tests.Hyper;

/// <summary>The conventions HyperDual&lt;T&gt; shares with Dual&lt;T&gt; at special points, and nesting.</summary>
[TestFixture]
public sealed class HyperDualConventionTests
{
    private static HyperDual<double> V(double x) => HyperDual<double>.Variable(x);

    private static HyperDual<double> C(double x) => HyperDual<double>.Constant(x);

    [Test]
    public void Sqrt_AtZeroWithConstant_KeepsPerturbationsZero()
    {
        HyperDual<double> r = HyperDual<double>.Sqrt(C(0));
        Assert.That(HyperDual<double>.IsZero(r), Is.True);
    }

    [Test]
    public void Log_AtZeroWithConstant_KeepsPerturbationsZero()
    {
        HyperDual<double> r = HyperDual<double>.Log(C(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(double.NegativeInfinity));
            Assert.That(r.E1, Is.Zero);
            Assert.That(r.E2, Is.Zero);
            Assert.That(r.E1E2, Is.Zero);
        }
    }

    [Test]
    public void Sqrt_AtZeroSeededAlongE1Only_KeepsE2AndCurvatureZero()
    {
        HyperDual<double> r = HyperDual<double>.Sqrt(HyperDual<double>.VariableE1(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.E1, Is.EqualTo(double.PositiveInfinity));
            Assert.That(r.E2, Is.Zero);
            Assert.That(r.E1E2, Is.Zero);
        }
    }

    [Test]
    public void Sqrt_AtZeroVariable_HasInfiniteSlopeAndNegativeInfiniteCurvature()
    {
        HyperDual<double> r = HyperDual<double>.Sqrt(V(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.E1, Is.EqualTo(double.PositiveInfinity));
            Assert.That(r.E1E2, Is.EqualTo(double.NegativeInfinity));
        }
    }

    [Test]
    public void Multiply_ConstantInfinityTimesVariable_KeepsZeroPartialOfConstant()
    {
        HyperDual<double> r = C(double.PositiveInfinity) * V(2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(double.PositiveInfinity));
            Assert.That(r.E1, Is.EqualTo(double.PositiveInfinity));
            Assert.That(r.E1E2, Is.EqualTo(0.0), "∞ · 0 (the curvature of a product of a constant) must not be NaN");
        }
    }

    [Test]
    public void Divide_ConstantByZeroConstant_HasZeroPerturbations()
    {
        HyperDual<double> r = C(1) / C(0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(double.PositiveInfinity));
            Assert.That(r.E1, Is.Zero);
            Assert.That(r.E2, Is.Zero);
            Assert.That(r.E1E2, Is.Zero);
        }
    }

    [Test]
    public void Abs_AtPlusZero_FollowsPlusBranch_AndAtMinusZeroTheMinusBranch()
    {
        HyperDual<double> plus = HyperDual<double>.Abs(V(0.0));
        HyperDual<double> minus = HyperDual<double>.Abs(V(-0.0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plus.E1, Is.EqualTo(1.0));
            Assert.That(minus.E1, Is.EqualTo(-1.0));
            Assert.That(plus.E1E2, Is.Zero);
            Assert.That(minus.E1E2, Is.Zero);
        }
    }

    [TestCase(0.0, 1.0, 0.0, 0.0)]
    [TestCase(1.0, 0.0, 1.0, 0.0)]
    [TestCase(2.0, 0.0, 0.0, 2.0)]
    [TestCase(3.0, 0.0, 0.0, 0.0)]
    public void Pow_AtZeroBaseWithConstantExponent_FollowsTheTable(double exponent, double value, double slope, double curvature)
    {
        HyperDual<double> r = HyperDual<double>.Pow(V(0), C(exponent));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(value));
            Assert.That(r.E1, Is.EqualTo(slope));
            Assert.That(r.E1E2, Is.EqualTo(curvature));
        }
    }

    [Test]
    public void Pow_ZeroToTheHalf_HasInfiniteSlopeAndZeroExponentPartial()
    {
        HyperDual<double> r = HyperDual<double>.Pow(HyperDual<double>.VariableE1(0), HyperDual<double>.VariableE2(0.5));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.Zero);
            Assert.That(r.E1, Is.EqualTo(double.PositiveInfinity));
            Assert.That(r.E2, Is.Zero);
        }
    }

    [Test]
    public void Pow_NegativeBaseIntegerExponent_HasFiniteDerivativesWhenExponentIsConstant()
    {
        HyperDual<double> r = HyperDual<double>.Pow(V(-2), C(3));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(-8.0));
            Assert.That(r.E1, Is.EqualTo(12.0));
            Assert.That(r.E1E2, Is.EqualTo(-12.0));
        }
    }

    [Test]
    public void Pow_NegativeBasePerturbedExponent_HasNaNExponentPartial()
    {
        HyperDual<double> r = HyperDual<double>.Pow(HyperDual<double>.VariableE1(-2), HyperDual<double>.VariableE2(3));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.E1, Is.EqualTo(12.0));
            Assert.That(r.E2, Is.NaN);
        }
    }

    [Test]
    public void MaxAndMin_AtATie_AverageBothArgumentsInEveryComponent_InEitherOrder()
    {
        var x = new HyperDual<double>(2, 1, 3, 5);
        var y = new HyperDual<double>(2, 3, -1, 1);
        var expected = new HyperDual<double>(2, 2, 1, 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HyperDual<double>.Max(x, y), Is.EqualTo(expected));
            Assert.That(HyperDual<double>.Max(y, x), Is.EqualTo(expected));
            Assert.That(HyperDual<double>.Min(x, y), Is.EqualTo(expected));
            Assert.That(HyperDual<double>.MaxMagnitude(y, x), Is.EqualTo(expected));
            Assert.That(HyperDual<double>.MinMagnitudeNumber(x, y), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Max_WithoutATie_TakesTheLargerArgumentWhole()
    {
        var x = new HyperDual<double>(2, 1, 3, 5);
        var y = new HyperDual<double>(1, 3, -1, 1);
        Assert.That(HyperDual<double>.Max(x, y), Is.EqualTo(x));
        Assert.That(HyperDual<double>.Min(x, y), Is.EqualTo(y));
    }

    [Test]
    public void RoundingFunctions_HaveZeroPerturbations()
    {
        var x = new HyperDual<double>(2.5, 1, 1, 7);
        foreach (HyperDual<double> r in new[] { HyperDual<double>.Floor(x), HyperDual<double>.Ceiling(x), HyperDual<double>.Round(x), HyperDual<double>.Truncate(x), HyperDual<double>.Round(x, 0, MidpointRounding.AwayFromZero) })
        {
            Assert.That(r.E1 == 0 && r.E2 == 0 && r.E1E2 == 0, Is.True, r.ToString());
        }
    }

    [Test]
    public void Equality_LooksAtAllComponents_OrderingAtTheValue()
    {
        var a = new HyperDual<double>(1, 2, 3, 4);
        var b = new HyperDual<double>(1, 2, 3, 5);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a == b, Is.False);
            Assert.That(a != b, Is.True);
            Assert.That(a.Equals(b), Is.False);
            Assert.That(a < b || a > b, Is.False);
            Assert.That(a <= b && a >= b, Is.True);
            Assert.That(a.CompareTo(b), Is.Negative, "CompareTo is a total order consistent with Equals");
            Assert.That(a, Is.EqualTo(new HyperDual<double>(1, 2, 3, 4)));
            Assert.That(a.GetHashCode(), Is.EqualTo(new HyperDual<double>(1, 2, 3, 4).GetHashCode()));
        }
    }

    [Test]
    public void IsZero_OfPerturbedZero_IsFalse_SoBranchesKeepDerivatives()
    {
        HyperDual<double> x = V(0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HyperDual<double>.IsZero(x), Is.False);
            Assert.That(x == HyperDual<double>.Zero, Is.False);
            Assert.That(HyperDual<double>.IsZero(C(-0.0)), Is.True);
        }
    }

    [Test]
    public void Equals_NaNComponents_EqualThemselvesAndHashAlike()
    {
        var a = new HyperDual<double>(double.NaN, 1, double.NaN, 0);
        var b = new HyperDual<double>(double.NaN, 1, double.NaN, 0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a.Equals(b), Is.True);
            Assert.That(a == b, Is.False, "== is IEEE: NaN is unequal to itself");
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        }
    }

    [Test]
    public void NaNInput_PropagatesAsNaN()
    {
        HyperDual<double> r = HyperDual<double>.Sin(V(double.NaN)) * V(2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.NaN);
            Assert.That(r.E1, Is.NaN);
            Assert.That(r.E1E2, Is.NaN);
        }
    }

    [Test]
    public void ScaleB_BeyondTheExponentRangeOfTwoToTheN_StaysExact()
    {
        // 2^1030 overflows, but x·2^1030 for x = 2^-1000 is 2^30: ScaleB is applied to each component.
        double tiny = Math.ScaleB(1, -1000);
        HyperDual<double> r = HyperDual<double>.ScaleB(new HyperDual<double>(tiny, tiny, tiny, tiny), 1030);
        double big = Math.ScaleB(1, 30);
        Assert.That(r, Is.EqualTo(new HyperDual<double>(big, big, big, big)));
    }

    [Test]
    public void HyperDualOfDual_GivesThirdDerivative()
    {
        // f(x) = sin(x²): f‴ = −12 x sin(x²) − 8 x³ cos(x²)
        const double X = 0.8;
        var seed = new HyperDual<Dual<double>>(Dual<double>.Variable(X), Dual<double>.Constant(1), Dual<double>.Constant(1), Dual<double>.Constant(0));
        HyperDual<Dual<double>> r = HyperDual<Dual<double>>.Sin(seed * seed);
        double expected = (-12 * X * Math.Sin(X * X)) - (8 * X * X * X * Math.Cos(X * X));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.E1E2.Derivative, Is.EqualTo(expected).Within(1e-13));
            Assert.That(r.E1E2.Value, Is.EqualTo((2 * Math.Cos(X * X)) - (4 * X * X * Math.Sin(X * X))).Within(1e-14));
            Assert.That(r.E1.Derivative, Is.EqualTo(r.E1E2.Value).Within(1e-14), "d/dx of f′ is f″");
        }
    }

    [Test]
    public void DualOfHyperDual_GivesThirdDerivative()
    {
        const double X = 0.8;
        var seed = new Dual<HyperDual<double>>(HyperDual<double>.Variable(X), HyperDual<double>.Constant(1));
        Dual<HyperDual<double>> r = Dual<HyperDual<double>>.Sin(seed * seed);
        double expected = (-12 * X * Math.Sin(X * X)) - (8 * X * X * X * Math.Cos(X * X));
        Assert.That(r.Derivative.E1E2, Is.EqualTo(expected).Within(1e-13));
    }

    [Test]
    public void HyperDualOfHyperDual_GivesFourthDerivative()
    {
        // f(x) = exp(2x) / (1 + x): compare against four nested Dual levels
        const double X = 0.3;
        var seed = new HyperDual<HyperDual<double>>(HyperDual<double>.Variable(X), 1, 1, 0);
        HyperDual<HyperDual<double>> r = HyperDual<HyperDual<double>>.Exp(2 * seed) / (1 + seed);

        var d = new Dual<Dual<Dual<Dual<double>>>>(
            new Dual<Dual<Dual<double>>>(new Dual<Dual<double>>(Dual<double>.Variable(X), Dual<double>.One), Dual<Dual<double>>.One),
            Dual<Dual<Dual<double>>>.One);
        Dual<Dual<Dual<Dual<double>>>> two = Create<Dual<Dual<Dual<Dual<double>>>>>(2);
        Dual<Dual<Dual<Dual<double>>>> n = Dual<Dual<Dual<Dual<double>>>>.Exp(two * d) / (Dual<Dual<Dual<Dual<double>>>>.One + d);
        Assert.That(r.E1E2.E1E2, Is.EqualTo(n.Derivative.Derivative.Derivative.Derivative).Within(1e-12));
    }

    private static TNum Create<TNum>(double value)
        where TNum : System.Numerics.INumberBase<TNum> => TNum.CreateChecked(value);

    [Test]
    public void FloatAndHalf_HyperDualsWork()
    {
        HyperDual<float> f = HyperDual<float>.Exp(HyperDual<float>.Variable(1f) * 2f);
        HyperDual<Half> h = HyperDual<Half>.Variable((Half)1.5) * HyperDual<Half>.Variable((Half)1.5);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(f.E1E2, Is.EqualTo(4 * MathF.Exp(2)).Within(1e-5f));
            Assert.That((double)h.E1E2, Is.EqualTo(2.0));
            Assert.That((double)h.E1, Is.EqualTo(3.0));
        }
    }
}
