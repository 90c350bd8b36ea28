namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// Higher derivatives by nesting at extreme and singular arguments, against hyper-duals and limits. Found by comparing
/// <c>HyperDual</c>'s f″ with <c>Dual&lt;Dual&lt;double&gt;&gt;</c>'s at extreme points for every unary function.
/// </summary>
public class NestedExtremeTests
{
    private static Dual<Dual<double>> Second(double x) => new(Dual<double>.Variable(x), Dual<double>.Constant(1.0));

    private static Dual<Dual<Dual<double>>> Third(double x)
        => new(new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1.0)), new Dual<Dual<double>>(Dual<double>.Constant(1.0), Dual<double>.Constant(0.0)));

    [TestCase(25.0)]
    [TestCase(-25.0)]
    [TestCase(400.0)]
    [TestCase(800.0)]
    [TestCase(-800.0)]
    [TestCase(1e300)]
    public void Tanh_FarFromZero_NestedDerivativesAreTheVanishingLimits(double x)
    {
        // tanh′ = sech² x = 4e^(−2|x|)/(1 + e^(−2|x|))²; once cosh overflows (|x| > 710) the form (1/cosh)² gave NaN
        // second derivatives in nested duals (∞/∞); all derivatives tend to 0 there
        double first = 4 * Math.Exp(-2 * Math.Abs(x));
        double second = -2 * Math.Tanh(x) * first;
        Dual<Dual<double>> d2 = Dual<Dual<double>>.Tanh(Second(x));
        Dual<Dual<Dual<double>>> d3 = Dual<Dual<Dual<double>>>.Tanh(Third(x));
        HyperDual<double> h = HyperDual<double>.Tanh(HyperDual<double>.Variable(x));
        Assert.Multiple(() =>
        {
            Assert.That(d2.Value.Derivative, Is.EqualTo(first).Within(1e-15 * first), "f′");
            Assert.That(d2.Derivative.Derivative, Is.EqualTo(second).Within(1e-14 * Math.Abs(second)), "f″ nested");
            Assert.That(h.E1E2, Is.EqualTo(second).Within(1e-14 * Math.Abs(second)), "f″ hyper-dual");
            Assert.That(double.IsFinite(d3.Derivative.Derivative.Derivative), Is.True, "f‴ nested is finite");
            Assert.That(Math.Abs(d3.Derivative.Derivative.Derivative), Is.LessThanOrEqualTo((8 * first) + double.Epsilon), "|f‴| ≤ 8 sech²");
        });
    }

    [Test]
    public void Tanh_AtTheSwitchBetweenForms_IsContinuousToRounding()
    {
        // |x| = 20 is where sech² switches from (1/cosh)² to 4e^(−2|x|); both sides agree to a few ulps
        foreach (double x in new[] { 20.0, Math.BitIncrement(20.0), -20.0, Math.BitDecrement(-20.0) })
        {
            double e = Math.Exp(-2 * Math.Abs(x));
            double expected = 4 * e / Math.Pow(1 + e, 2);
            Assert.That(Dual<double>.Tanh(Dual<double>.Variable(x)).Derivative, Is.EqualTo(expected).Within(4e-16 * expected), $"x = {x:R}");
        }
    }

    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void RootN_AtZero_NestedSecondDerivativeIsNaNNotZero(int n)
    {
        // f′(0) = +∞ by convention; f″ has no value at the branch point (−∞ from the right): nesting must not report 0
        Dual<Dual<double>> d = Dual<Dual<double>>.RootN(Second(0.0), n);
        Assert.Multiple(() =>
        {
            Assert.That(d.Value.Derivative, Is.EqualTo(double.PositiveInfinity), "f′(0)");
            Assert.That(d.Derivative.Value, Is.EqualTo(double.PositiveInfinity), "f′(0) in the outer level");
            Assert.That(d.Derivative.Derivative, Is.NaN, "f″(0)");
            Assert.That(Dual<double>.RootN(Dual<double>.Variable(-0.0), n).Derivative, Is.EqualTo(double.PositiveInfinity), "f′(−0)");
        });
    }

    [TestCase(1e-300)]
    [TestCase(1e-200)]
    [TestCase(1e-20)]
    public void PowXToTheX_AtTinyX_HyperDualSecondDerivativeIsFinite(double x)
    {
        // (x^x)″ = x^x ((ln x + 1)² + 1/x): about 1/x here, although x^(x−2) in ∂²/∂x² overflows
        double expected = Math.Pow(x, x) * ((Math.Pow(Math.Log(x) + 1, 2)) + (1 / x));
        HyperDual<double> h = HyperDual<double>.Pow(HyperDual<double>.Variable(x), HyperDual<double>.Variable(x));
        Assert.That(h.E1E2, Is.EqualTo(expected).Within(1e-12 * expected));
    }

    [Test]
    public void FloatExtremes_NoOverflowInIntermediateProducts()
    {
        // each of these overflowed or underflowed in an intermediate product of float although the result is representable
        // (found by sweeping every unary function at float extremes against closed forms)
        HyperDual<float> atan = HyperDual<float>.Atan(HyperDual<float>.Variable(3e38f));
        HyperDual<float> atanPi = HyperDual<float>.AtanPi(HyperDual<float>.Variable(-3e38f));
        HyperDual<float> reciprocal = ReciprocalEstimate(HyperDual<float>.Variable(1e-10f));
        Dual<float> root = Dual<float>.RootN(Dual<float>.Variable(3e38f), 3);
        Dual<float> power = Dual<float>.Pow(Dual<float>.Variable(float.Epsilon), Dual<float>.Variable(float.Epsilon));
        double expectedRoot = Math.Cbrt(3e38f) / (3 * (double)3e38f);
        double expectedPower = Math.Pow(float.Epsilon, float.Epsilon) * (Math.Log(float.Epsilon) + 1);
        Assert.Multiple(() =>
        {
            Assert.That(atan.E1E2, Is.EqualTo(0f), "atan″ = −2x/(1 + x²)² underflows to −0, not NaN");
            Assert.That(atanPi.E1E2, Is.EqualTo(0f), "atanpi″ likewise");
            Assert.That(reciprocal.E1E2, Is.EqualTo(2e30f).Within(1e24f), "(1/x)″ = 2/x³ = 2e30 fits in float");
            Assert.That(root.Derivative, Is.EqualTo(expectedRoot).Within(1e-6 * expectedRoot), "∛x′ = ∛x/(3x) = 7.4e-27 fits in float");
            Assert.That(power.Derivative, Is.EqualTo(expectedPower).Within(1e-4 * Math.Abs(expectedPower)), "(x^x)′ = x^x (ln x + 1) at the smallest subnormal");
        });

        static T ReciprocalEstimate<T>(T x)
            where T : System.Numerics.IFloatingPointIeee754<T>
            => T.ReciprocalEstimate(x);
    }
}
