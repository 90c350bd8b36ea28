using ForwardDiff.Rules;
using D = ForwardDiff.Dual<double>;

namespace ForwardDiff.Tests.Dual;

/// <summary>The special-point table of issue 2 (CONVENTIONS.md), one test per row.</summary>
[TestFixture]
public sealed class SpecialPointsTests
{
    private const double Nan = double.NaN;
    private const double Inf = double.PositiveInfinity;

    // ---------------------------------------------------------------- strong zeros (no NaN poisoning)

    [Test]
    public void Sqrt_AtZeroWithConstant_KeepsDerivativeZero()
    {
        D result = D.Sqrt(D.Constant(0.0));
        Assert.That(result.Value, Is.EqualTo(0.0));
        Assert.That(result.Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Sqrt_AtZeroWithVariable_DerivativeIsPositiveInfinity()
    {
        Assert.That(D.Sqrt(D.Variable(0.0)).Derivative, Is.EqualTo(Inf));
    }

    [Test]
    public void Sqrt_AtNegativeZeroWithVariable_DerivativeFollowsSignBit()
    {
        Assert.That(D.Sqrt(D.Variable(-0.0)).Derivative, Is.EqualTo(double.NegativeInfinity));
    }

    [Test]
    public void Log_AtZeroWithConstant_KeepsDerivativeZero()
    {
        D result = D.Log(D.Constant(0.0));
        Assert.That(result.Value, Is.EqualTo(double.NegativeInfinity));
        Assert.That(result.Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void PowHalf_AtZeroWithConstantBase_KeepsDerivativeZero()
    {
        Assert.That(D.Pow(D.Constant(0.0), 0.5).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Multiply_ZeroDerivativeTimesInfiniteValue_ContributesZero()
    {
        // 3·∞ with neither factor perturbed: 3·0 + 0·∞ must not be NaN
        D result = D.Constant(3.0) * D.Constant(Inf);
        Assert.That(result.Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Multiply_PerturbedByInfiniteConstant_KeepsOnlyNonzeroTerms()
    {
        // (2 + 1ε)·(∞ + 0ε): the ∞ factor meets a nonzero partial, the zero partial contributes nothing
        D result = D.Variable(2.0) * D.Constant(Inf);
        Assert.That(result.Derivative, Is.EqualTo(Inf));
    }

    [Test]
    public void MultiplyByScalar_InfiniteScalarAndZeroDerivative_ContributesZero()
    {
        Assert.That((D.Constant(2.0) * Inf).Derivative, Is.EqualTo(0.0));
        Assert.That((Inf * D.Constant(2.0)).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Divide_ConstantByZero_KeepsDerivativeZero()
    {
        D result = D.Constant(1.0) / D.Constant(0.0);
        Assert.That(result.Value, Is.EqualTo(Inf));
        Assert.That(result.Derivative, Is.EqualTo(0.0));
        Assert.That((D.Constant(1.0) / 0.0).Derivative, Is.EqualTo(0.0));
        Assert.That((1.0 / D.Constant(0.0)).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Divide_ReciprocalOfVariableAtZero_DerivativeIsNegativeInfinity()
    {
        Assert.That((1.0 / D.Variable(0.0)).Derivative, Is.EqualTo(double.NegativeInfinity));
        Assert.That((D.One / D.Variable(0.0)).Derivative, Is.EqualTo(double.NegativeInfinity));
    }

    // ---------------------------------------------------------------- Abs at ±0

    [Test]
    public void Abs_AtPositiveZero_DerivativeIsPlusOne()
    {
        Assert.That(D.Abs(D.Variable(0.0)).Derivative, Is.EqualTo(1.0));
    }

    [Test]
    public void Abs_AtNegativeZero_DerivativeIsMinusOne()
    {
        Assert.That(D.Abs(D.Variable(-0.0)).Derivative, Is.EqualTo(-1.0));
    }

    // ---------------------------------------------------------------- Pow at x = 0 and x < 0

    [TestCase(0.0, 1.0, 0.0)]
    [TestCase(1.0, 0.0, 1.0)]
    [TestCase(2.0, 0.0, 0.0)]
    [TestCase(0.5, 0.0, Inf)]
    public void Pow_AtZeroBase_FollowsConventionTable(double y, double expectedValue, double expectedDx)
    {
        // ∂x with a constant exponent (one-argument row)
        D byX = D.Pow(D.Variable(0.0), D.Constant(y));
        Assert.That(byX.Value, Is.EqualTo(expectedValue));
        Assert.That(byX.Derivative, Is.EqualTo(expectedDx));

        // ∂y with a constant base: always 0 at x = 0
        D byY = D.Pow(D.Constant(0.0), D.Variable(y));
        Assert.That(byY.Value, Is.EqualTo(expectedValue));
        Assert.That(byY.Derivative, Is.EqualTo(0.0));

        // both perturbed: the binary row gives the same partials
        double value = BinaryRules.Pow.Evaluate(0.0, y, out double dx, out double dy);
        Assert.That(value, Is.EqualTo(expectedValue));
        Assert.That(dx, Is.EqualTo(expectedDx));
        Assert.That(dy, Is.EqualTo(0.0));
    }

    [Test]
    public void Pow_BothPerturbedAtZeroToTheZero_ValueOneDerivativeZero()
    {
        D result = D.Pow(new D(0.0, 1.0), new D(0.0, 1.0));
        Assert.That(result.Value, Is.EqualTo(1.0));
        Assert.That(result.Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Pow_NegativeBaseIntegerExponent_DxIsExactAndDyNaNOnlyWhenPerturbed()
    {
        D byX = D.Pow(D.Variable(-2.0), D.Constant(3.0));
        Assert.That(byX.Value, Is.EqualTo(-8.0));
        Assert.That(byX.Derivative, Is.EqualTo(12.0));

        D byY = D.Pow(D.Constant(-2.0), D.Variable(3.0));
        Assert.That(byY.Value, Is.EqualTo(-8.0));
        Assert.That(byY.Derivative, Is.NaN);

        // binary row with x perturbed and y carrying a zero partial: the NaN ∂y contributes nothing
        D both = D.Apply<BinaryRules.Pow>(D.Variable(-2.0), D.Constant(3.0));
        Assert.That(both.Derivative, Is.EqualTo(12.0));
    }

    // ---------------------------------------------------------------- ties average both derivatives

    [Test]
    public void MaxMin_AtTie_AverageBothDerivativesInEitherOrder()
    {
        var a = new D(1.0, 2.0);
        var b = new D(1.0, 4.0);
        Assert.That(D.Max(a, b).Derivative, Is.EqualTo(3.0));
        Assert.That(D.Max(b, a).Derivative, Is.EqualTo(3.0));
        Assert.That(D.Min(a, b).Derivative, Is.EqualTo(3.0));
        Assert.That(D.Min(b, a).Derivative, Is.EqualTo(3.0));
        Assert.That(D.MaxNumber(a, b).Derivative, Is.EqualTo(3.0));
        Assert.That(D.MinNumber(b, a).Derivative, Is.EqualTo(3.0));
        Assert.That(D.MaxMagnitude(a, b).Derivative, Is.EqualTo(3.0));
        Assert.That(D.MinMagnitude(b, a).Derivative, Is.EqualTo(3.0));
        Assert.That(D.MaxMagnitudeNumber(a, b).Derivative, Is.EqualTo(3.0));
        Assert.That(D.MinMagnitudeNumber(b, a).Derivative, Is.EqualTo(3.0));
    }

    [Test]
    public void Max_SignedZerosTie_ValueFollowsIeeeAndDerivativeIsAveraged()
    {
        D result = D.Max(new D(-0.0, 2.0), new D(0.0, 4.0));
        Assert.That(double.IsNegative(result.Value), Is.False);
        Assert.That(result.Derivative, Is.EqualTo(3.0));
    }

    [Test]
    public void MaxMin_WithoutTie_TakeTheWinnersDerivative()
    {
        var small = new D(1.0, 2.0);
        var large = new D(5.0, 7.0);
        Assert.That(D.Max(small, large).Derivative, Is.EqualTo(7.0));
        Assert.That(D.Min(large, small).Derivative, Is.EqualTo(2.0));
        Assert.That(D.MaxMagnitude(new D(3.0, 1.0), new D(-3.0, 9.0)).Derivative, Is.EqualTo(1.0));
        Assert.That(D.MaxNumber(new D(Nan, 9.0), small).Derivative, Is.EqualTo(2.0));
        Assert.That(D.Max(new D(Nan, 9.0), small).Derivative, Is.EqualTo(9.0));
    }

    [Test]
    public void Clamp_AtLowerBound_AveragesArgumentAndBound()
    {
        D result = D.Clamp(new D(1.0, 2.0), new D(1.0, 4.0), new D(5.0, 0.0));
        Assert.That(result.Value, Is.EqualTo(1.0));
        Assert.That(result.Derivative, Is.EqualTo(3.0));
    }

    [Test]
    public void Clamp_AtUpperBound_AveragesArgumentAndBound()
    {
        D result = D.Clamp(new D(5.0, 2.0), new D(1.0, 0.0), new D(5.0, 6.0));
        Assert.That(result.Value, Is.EqualTo(5.0));
        Assert.That(result.Derivative, Is.EqualTo(4.0));
    }

    [Test]
    public void Clamp_OutsideAndInside_TakesBoundOrArgumentDerivative()
    {
        Assert.That(D.Clamp(new D(0.0, 2.0), new D(1.0, 4.0), new D(5.0, 6.0)).Derivative, Is.EqualTo(4.0));
        Assert.That(D.Clamp(new D(9.0, 2.0), new D(1.0, 4.0), new D(5.0, 6.0)).Derivative, Is.EqualTo(6.0));
        Assert.That(D.Clamp(new D(3.0, 2.0), new D(1.0, 4.0), new D(5.0, 6.0)).Derivative, Is.EqualTo(2.0));
    }

    [Test]
    public void Clamp_MinGreaterThanMax_ThrowsArgumentException()
    {
        Assert.That(() => D.Clamp(D.One, D.Constant(2.0), D.Constant(1.0)), Throws.ArgumentException);
    }

    // ---------------------------------------------------------------- piecewise constant, Atan2, CopySign, Sign

    [Test]
    public void FloorCeilingRoundTruncate_HaveZeroDerivative()
    {
        var x = new D(2.5, 3.0);
        Assert.That(D.Floor(x), Is.EqualTo(new D(2.0, 0.0)));
        Assert.That(D.Ceiling(x), Is.EqualTo(new D(3.0, 0.0)));
        Assert.That(D.Round(x), Is.EqualTo(new D(2.0, 0.0)));
        Assert.That(D.Truncate(x), Is.EqualTo(new D(2.0, 0.0)));
        Assert.That(D.Round(new D(2.345, 1.0), 2), Is.EqualTo(new D(Math.Round(2.345, 2), 0.0)));
        Assert.That(D.Round(x, MidpointRounding.AwayFromZero), Is.EqualTo(new D(3.0, 0.0)));
    }

    [Test]
    public void Atan2_AtOrigin_HasNaNDerivatives()
    {
        Assert.That(D.Atan2(D.Variable(0.0), D.Constant(0.0)).Derivative, Is.NaN);
        Assert.That(D.Atan2(D.Constant(0.0), D.Variable(0.0)).Derivative, Is.NaN);
    }

    [Test]
    public void Atan2_AtOriginUnperturbed_KeepsDerivativeZero()
    {
        Assert.That(D.Atan2(D.Constant(0.0), D.Constant(0.0)).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void CopySign_FlipsDerivativeWithTheSign()
    {
        Assert.That(D.CopySign(new D(2.0, 3.0), D.Constant(-1.0)), Is.EqualTo(new D(-2.0, -3.0)));
        Assert.That(D.CopySign(new D(-2.0, 3.0), D.Constant(1.0)), Is.EqualTo(new D(2.0, -3.0)));
        Assert.That(D.CopySign(new D(2.0, 3.0), new D(1.0, 100.0)), Is.EqualTo(new D(2.0, 3.0)));
    }

    [Test]
    public void Sign_ReturnsIntegerOfValue()
    {
        Assert.That(D.Sign(new D(-3.0, 5.0)), Is.EqualTo(-1));
        Assert.That(D.Sign(new D(0.0, 5.0)), Is.Zero);
        Assert.That(D.Sign(new D(2.0, -5.0)), Is.EqualTo(1));
    }

    [Test]
    public void FusedMultiplyAdd_DerivativeIsExactProductSumRule()
    {
        D result = D.FusedMultiplyAdd(new D(2.0, 1.0), new D(3.0, 5.0), new D(4.0, 7.0));
        Assert.That(result.Value, Is.EqualTo(10.0));
        Assert.That(result.Derivative, Is.EqualTo((1.0 * 3.0) + (2.0 * 5.0) + 7.0));
    }

    [Test]
    public void BitIncrementAndDecrement_PassDerivativeThrough()
    {
        var x = new D(1.0, 3.0);
        Assert.That(D.BitIncrement(x), Is.EqualTo(new D(Math.BitIncrement(1.0), 3.0)));
        Assert.That(D.BitDecrement(x), Is.EqualTo(new D(Math.BitDecrement(1.0), 3.0)));
    }

    [TestCase(7.0, 2.0, 1.0, -3.0)]
    [TestCase(-7.0, 2.0, -1.0, 3.0)]
    [TestCase(7.5, -2.0, 1.5, 3.0)]
    public void Remainder_PartialsAreOneAndMinusTruncatedQuotient(double x, double y, double expectedValue, double expectedDy)
    {
        D byX = D.Variable(x) % D.Constant(y);
        D byY = D.Constant(x) % D.Variable(y);
        Assert.That(byX.Value, Is.EqualTo(expectedValue));
        Assert.That(byX.Derivative, Is.EqualTo(1.0));
        Assert.That(byY.Derivative, Is.EqualTo(expectedDy));
    }

    [Test]
    public void Ieee754Remainder_PartialsAreOneAndMinusRoundedQuotient()
    {
        // 7 = 4·2 − 1: n = round(3.5) = 4 (ties to even)
        D byY = D.Ieee754Remainder(D.Constant(7.0), D.Variable(2.0));
        Assert.That(byY.Value, Is.EqualTo(-1.0));
        Assert.That(byY.Derivative, Is.EqualTo(-4.0));
        Assert.That(D.Ieee754Remainder(D.Variable(7.0), D.Constant(2.0)).Derivative, Is.EqualTo(1.0));
    }

    // ---------------------------------------------------------------- equality and ordering

    [Test]
    public void Equality_PerturbedZero_IsNotZero()
    {
        D x = D.Variable(0.0);
        Assert.That(x == D.Zero, Is.False);
        Assert.That(x == 0.0, Is.False);
        Assert.That(D.IsZero(x), Is.False);
        Assert.That(D.IsZero(D.Constant(0.0)), Is.True);
        Assert.That(D.Constant(-0.0) == 0.0, Is.True);
    }

    [Test]
    public void Ordering_ComparesValuesOnly()
    {
        var a = new D(1.0, 5.0);
        var b = new D(1.0, 0.0);
        Assert.That(a <= b && a >= b, Is.True);
        Assert.That(a < b || a > b, Is.False);
        Assert.That(a != b, Is.True);
        Assert.That(new D(1.0, 9.0) < new D(2.0, 0.0), Is.True);
    }

    [Test]
    public void CompareTo_OrdersByValueThenDerivative_ConsistentWithEquals()
    {
        Assert.That(new D(1.0, 5.0).CompareTo(new D(1.0, 0.0)), Is.Positive);
        Assert.That(new D(1.0, 5.0).CompareTo(new D(2.0, 0.0)), Is.Negative);
        Assert.That(new D(1.0, 5.0).CompareTo(new D(1.0, 5.0)), Is.Zero);
        Assert.That(new D(Nan, Nan).Equals(new D(Nan, Nan)), Is.True);
        Assert.That(new D(-0.0, 1.0).GetHashCode(), Is.EqualTo(new D(0.0, 1.0).GetHashCode()));
        Assert.That(new D(-0.0, 1.0).Equals(new D(0.0, 1.0)), Is.True);
    }

    [Test]
    public void Predicates_LookAtTheValue()
    {
        Assert.That(D.IsNaN(new D(1.0, Nan)), Is.False);
        Assert.That(D.IsFinite(new D(1.0, Inf)), Is.True);
        Assert.That(D.IsInteger(new D(2.0, 0.5)), Is.True);
        Assert.That(D.IsNegative(new D(-0.0, 1.0)), Is.True);
    }
    // ---------------------------------------------------------------- roots and cones

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void RootN_AtZeroWithVariable_DerivativeIsPositiveInfinity(int n)
    {
        D result = D.RootN(D.Variable(0.0), n);
        Assert.That(result.Value, Is.EqualTo(0.0));
        Assert.That(result.Derivative, Is.EqualTo(Inf));
    }

    [Test]
    public void RootN_AtZeroWithConstant_KeepsDerivativeZero()
    {
        Assert.That(D.RootN(D.Constant(0.0), 3).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Cbrt_AtZero_InfiniteForVariableZeroForConstant()
    {
        Assert.That(D.Cbrt(D.Variable(0.0)).Derivative, Is.EqualTo(Inf));
        Assert.That(D.Cbrt(D.Constant(0.0)).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Hypot_AtOrigin_HasNaNDerivativesOnlyWhenPerturbed()
    {
        Assert.That(D.Hypot(D.Variable(0.0), D.Constant(0.0)).Derivative, Is.NaN);
        Assert.That(D.Hypot(D.Constant(0.0), D.Constant(0.0)).Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Atan2_FarFromOrigin_PartialsTendToZeroInsteadOfNaN()
    {
        Assert.That(D.Atan2(D.Variable(1.0), D.Constant(Inf)).Derivative, Is.EqualTo(0.0));
        Assert.That(D.Atan2(D.Constant(1.0), D.Variable(Inf)).Derivative, Is.EqualTo(0.0));
    }

    // ---------------------------------------------------------------- strong zeros inside nested duals

    [Test]
    public void Nested_SqrtOfConstantZero_KeepsEveryPartialZero()
    {
        var x = new Dual<D>(D.Constant(0.0), D.Zero);
        Dual<D> result = Dual<D>.Sqrt(x);
        Assert.That(result.Derivative.Value, Is.EqualTo(0.0));
        Assert.That(result.Derivative.Derivative, Is.EqualTo(0.0));
        Assert.That(result.Value.Derivative, Is.EqualTo(0.0));
    }

    [Test]
    public void Nested_OuterPerturbationIsTheNewerOne_SecondDerivativeOfCube()
    {
        // x = (2 + 1ε₁) + (1 + 0ε₁)ε₂ ; x³ has ε₁ε₂ part 6x = 12
        var x = new Dual<D>(D.Variable(2.0), D.One);
        Dual<D> cube = x * x * x;
        Assert.That(cube.Value.Value, Is.EqualTo(8.0));
        Assert.That(cube.Value.Derivative, Is.EqualTo(12.0));
        Assert.That(cube.Derivative.Value, Is.EqualTo(12.0));
        Assert.That(cube.Derivative.Derivative, Is.EqualTo(12.0));
        Assert.That(AutoDiff.SecondDerivative<double>(static t => t * t * t, 2.0), Is.EqualTo(12.0));
    }
}
