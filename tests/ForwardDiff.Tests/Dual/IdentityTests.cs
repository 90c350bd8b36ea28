using CsCheck;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// Identities checked on value AND derivative (after Ceres' jet tests): composing a function with its
/// inverse must give back the variable, so value a and derivative exactly 1 up to rounding; and the
/// product, quotient and chain rules as properties over random inputs.
/// </summary>
[TestFixture]
public sealed class IdentityTests
{
    private const long Iterations = 400;

    private static readonly Gen<double> Unit = Gen.Double[-0.999, 0.999];
    private static readonly Gen<double> Positive = Gen.Double[1e-3, 50];
    private static readonly Gen<double> Moderate = Gen.Double[-20, 20];

    private static void AssertIdentity(Dual<double> actual, double a, double tolerance, string what)
    {
        Assert.That(actual.Value, Is.EqualTo(a).Within(tolerance).Percent.Or.EqualTo(a).Within(1e-15), () => $"{what} value at {a:R}");
        Assert.That(actual.Derivative, Is.EqualTo(1.0).Within(tolerance).Percent, () => $"{what} derivative at {a:R}");
    }

    private static void CheckIdentity(Gen<double> gen, Func<Dual<double>, Dual<double>> composed, string what, double tolerancePercent = 1e-10)
        => gen.Sample(a => AssertIdentity(composed(Dual<double>.Variable(a)), a, tolerancePercent, what), iter: Iterations, threads: 1);

    [Test]
    public void Sin_OfAsin_IsIdentity() => CheckIdentity(Gen.Double[-0.99, 0.99], a => Dual<double>.Sin(Dual<double>.Asin(a)), "sin(asin a)", 1e-9);

    [Test]
    public void Cos_OfAcos_IsIdentity() => CheckIdentity(Gen.Double[-0.99, 0.99], a => Dual<double>.Cos(Dual<double>.Acos(a)), "cos(acos a)", 1e-9);

    [Test]
    public void Tan_OfAtan_IsIdentity() => CheckIdentity(Moderate, a => Dual<double>.Tan(Dual<double>.Atan(a)), "tan(atan a)");

    [Test]
    public void Exp_OfLog_IsIdentity() => CheckIdentity(Positive, a => Dual<double>.Exp(Dual<double>.Log(a)), "exp(log a)");

    [Test]
    public void Log_OfExp_IsIdentity() => CheckIdentity(Moderate, a => Dual<double>.Log(Dual<double>.Exp(a)), "log(exp a)");

    [Test]
    public void Exp2_OfLog2_AndExp10_OfLog10_AreIdentities()
    {
        CheckIdentity(Positive, a => Dual<double>.Exp2(Dual<double>.Log2(a)), "exp2(log2 a)");
        CheckIdentity(Positive, a => Dual<double>.Exp10(Dual<double>.Log10(a)), "exp10(log10 a)");
    }

    [Test]
    public void ExpM1_OfLogP1_IsIdentity() => CheckIdentity(Gen.Double[-0.9, 20], a => Dual<double>.ExpM1(Dual<double>.LogP1(a)), "expm1(log1p a)");

    [Test]
    public void Sinh_OfAsinh_AndTanh_OfAtanh_AreIdentities()
    {
        CheckIdentity(Moderate, a => Dual<double>.Sinh(Dual<double>.Asinh(a)), "sinh(asinh a)");
        CheckIdentity(Gen.Double[-0.99, 0.99], a => Dual<double>.Tanh(Dual<double>.Atanh(a)), "tanh(atanh a)", 1e-9);
        CheckIdentity(Gen.Double[1.01, 50], a => Dual<double>.Cosh(Dual<double>.Acosh(a)), "cosh(acosh a)", 1e-9);
    }

    [Test]
    public void SinPi_OfAsinPi_IsIdentity() => CheckIdentity(Gen.Double[-0.99, 0.99], a => Dual<double>.SinPi(Dual<double>.AsinPi(a)), "sinπ(asinπ a)", 1e-9);

    [Test]
    public void CbrtCubed_AndSqrtSquared_AreIdentities()
    {
        CheckIdentity(Moderate.Where(a => Math.Abs(a) > 1e-6), a => Dual<double>.Cbrt(a) * Dual<double>.Cbrt(a) * Dual<double>.Cbrt(a), "cbrt(a)³");
        CheckIdentity(Positive, a => Dual<double>.Sqrt(a) * Dual<double>.Sqrt(a), "sqrt(a)²");
        CheckIdentity(Positive, a => Dual<double>.Pow(Dual<double>.RootN(a, 5), 5), "rootn(a, 5)⁵");
    }

    [Test]
    public void Hypot_EqualsSqrtOfSumOfSquares_OnValueAndBothPartials()
    {
        Gen.Select(Moderate, Moderate).Where(p => Math.Abs(p.Item1) + Math.Abs(p.Item2) > 1e-3).Sample(
            (x, y) =>
            {
                foreach ((Dual<double> dx, Dual<double> dy) in new[] { (Dual<double>.Variable(x), Dual<double>.Constant(y)), (Dual<double>.Constant(x), Dual<double>.Variable(y)) })
                {
                    Dual<double> hypot = Dual<double>.Hypot(dx, dy);
                    Dual<double> root = Dual<double>.Sqrt((dx * dx) + (dy * dy));
                    Assert.That(hypot.Value, Is.EqualTo(root.Value).Within(1e-12).Percent);
                    Assert.That(hypot.Derivative, Is.EqualTo(root.Derivative).Within(1e-10).Percent.Or.EqualTo(root.Derivative).Within(1e-14));
                }
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void Pow_EqualsExpOfYLogX_OnValueAndBothPartials()
    {
        Gen.Select(Gen.Double[0.05, 10], Gen.Double[-4, 4]).Sample(
            (x, y) =>
            {
                foreach ((Dual<double> dx, Dual<double> dy) in new[] { (Dual<double>.Variable(x), Dual<double>.Constant(y)), (Dual<double>.Constant(x), Dual<double>.Variable(y)) })
                {
                    Dual<double> pow = Dual<double>.Pow(dx, dy);
                    Dual<double> viaExp = Dual<double>.Exp(dy * Dual<double>.Log(dx));
                    Assert.That(pow.Value, Is.EqualTo(viaExp.Value).Within(1e-11).Percent);
                    Assert.That(pow.Derivative, Is.EqualTo(viaExp.Derivative).Within(1e-10).Percent.Or.EqualTo(viaExp.Derivative).Within(1e-14));
                }
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void LogWithBase_EqualsLogOverLogOfBase_OnValueAndBothPartials()
    {
        Gen.Select(Gen.Double[0.05, 100], Gen.Double[0.05, 100].Where(b => Math.Abs(b - 1) > 1e-2)).Sample(
            (x, b) =>
            {
                foreach ((Dual<double> dx, Dual<double> db) in new[] { (Dual<double>.Variable(x), Dual<double>.Constant(b)), (Dual<double>.Constant(x), Dual<double>.Variable(b)) })
                {
                    Dual<double> log = Dual<double>.Log(dx, db);
                    Dual<double> ratio = Dual<double>.Log(dx) / Dual<double>.Log(db);
                    Assert.That(log.Value, Is.EqualTo(ratio.Value).Within(1e-11).Percent.Or.EqualTo(ratio.Value).Within(1e-15));
                    Assert.That(log.Derivative, Is.EqualTo(ratio.Derivative).Within(1e-10).Percent.Or.EqualTo(ratio.Derivative).Within(1e-14));
                }
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void Atan2_EqualsAtanOfRatio_InTheRightHalfPlane()
    {
        Gen.Select(Moderate, Gen.Double[0.01, 20]).Sample(
            (y, x) =>
            {
                Dual<double> atan2 = Dual<double>.Atan2(Dual<double>.Variable(y), Dual<double>.Variable(x));
                Dual<double> atan = Dual<double>.Atan(Dual<double>.Variable(y) / Dual<double>.Variable(x));
                Assert.That(atan2.Value, Is.EqualTo(atan.Value).Within(1e-12).Percent.Or.EqualTo(atan.Value).Within(1e-15));
                Assert.That(atan2.Derivative, Is.EqualTo(atan.Derivative).Within(1e-10).Percent.Or.EqualTo(atan.Derivative).Within(1e-14));
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void SinSquaredPlusCosSquared_IsOneWithZeroDerivative()
    {
        Gen.Double[-100, 100].Sample(
            a =>
            {
                Dual<double> x = Dual<double>.Variable(a);
                (Dual<double> s, Dual<double> c) = Dual<double>.SinCos(x);
                Dual<double> one = (s * s) + (c * c);
                Assert.That(one.Value, Is.EqualTo(1.0).Within(4).Ulps);
                Assert.That(one.Derivative, Is.EqualTo(0.0).Within(1e-15));
                Assert.That(s.Value, Is.EqualTo(Math.Sin(a)));
                Assert.That(c.Derivative, Is.EqualTo(-Math.Sin(a)));
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void ProductRule_HoldsForRandomValuesAndPartials()
    {
        Gen.Select(Moderate, Moderate, Moderate, Moderate).Sample(
            (a, da, b, db) =>
            {
                Dual<double> product = new Dual<double>(a, da) * new Dual<double>(b, db);
                Assert.That(product.Value, Is.EqualTo(a * b));
                // the two terms may cancel: the tolerance is relative to their size, not to the result's
                double scale = Math.Abs(da * b) + Math.Abs(a * db);
                Assert.That(product.Derivative, Is.EqualTo((da * b) + (a * db)).Within((4e-16 * scale) + 1e-300));
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void QuotientRule_HoldsForRandomValuesAndPartials()
    {
        Gen.Select(Moderate, Moderate, Moderate.Where(b => Math.Abs(b) > 1e-2), Moderate).Sample(
            (a, da, b, db) =>
            {
                Dual<double> quotient = new Dual<double>(a, da) / new Dual<double>(b, db);
                double expected = ((da * b) - (a * db)) / (b * b);
                double scale = (Math.Abs(da * b) + Math.Abs(a * db)) / (b * b);
                Assert.That(quotient.Value, Is.EqualTo(a / b));
                Assert.That(quotient.Derivative, Is.EqualTo(expected).Within((1e-15 * scale) + 1e-300));
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void ChainRule_DerivativeOfComposition_IsProductOfDerivatives()
    {
        // (f ∘ g)′(a) = f′(g(a)) · g′(a), with f = sin·exp and g = a² / (1 + a²), each differentiated separately.
        static Dual<double> F(Dual<double> u) => Dual<double>.Sin(u) * Dual<double>.Exp(u);
        static Dual<double> G(Dual<double> u) => u * u / (1 + (u * u));
        Moderate.Sample(
            a =>
            {
                Dual<double> g = G(Dual<double>.Variable(a));
                Dual<double> fAtG = F(Dual<double>.Variable(g.Value));
                Dual<double> composed = F(G(Dual<double>.Variable(a)));
                Assert.That(composed.Value, Is.EqualTo(fAtG.Value));
                Assert.That(composed.Derivative, Is.EqualTo(fAtG.Derivative * g.Derivative).Within(1e-12).Percent.Or.EqualTo(fAtG.Derivative * g.Derivative).Within(1e-15));
            },
            iter: Iterations,
            threads: 1);
    }

    [Test]
    public void Linearity_DerivativeOfLinearCombination_IsLinearCombinationOfDerivatives()
    {
        Gen.Select(Moderate, Gen.Double[-5, 5], Gen.Double[-5, 5]).Sample(
            (a, p, q) =>
            {
                Dual<double> x = Dual<double>.Variable(a);
                Dual<double> combined = (p * Dual<double>.Sin(x)) + (q * Dual<double>.Atan(x));
                double expected = (p * Math.Cos(a)) + (q / (1 + (a * a)));
                Assert.That(combined.Derivative, Is.EqualTo(expected).Within(1e-12).Percent.Or.EqualTo(expected).Within(1e-14));
            },
            iter: Iterations,
            threads: 1);
    }
}
