using System.Globalization;
using System.Numerics;
using ForwardDiff.Tests.Oracles;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// Every member of <see cref="IFloatingPointIeee754{TSelf}"/> and its parents, called through the
/// interface (see <see cref="Via"/>) over the edge ladder −∞, MinValue, −1, −ε, −0, NaN, 0, ε, 1, MaxValue, +∞:
/// the value of Dual&lt;double&gt; must be bit for bit what double gives for the same member (signed zeros and
/// NaN included), a constant must keep an exactly zero derivative, and a variable's derivative must follow
/// the closed forms of <see cref="UnaryFunctions"/> wherever the function is smooth.
/// </summary>
[TestFixture]
public sealed class InterfaceTests
{
    private static readonly double[] Ladder =
    [
        double.NegativeInfinity, double.MinValue, -1.0, -double.Epsilon, -0.0, double.NaN, 0.0, double.Epsilon, 1.0, double.MaxValue, double.PositiveInfinity,
    ];

    // The ladder plus a few ordinary points, so derivative checks also see the smooth interior.
    private static readonly double[] LadderAndInterior = [.. Ladder, -2.5, -0.5, 0.5, 0.75, 2.5, 1e-300, -1e300];

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture) + (x == 0 && double.IsNegative(x) ? " (−0)" : string.Empty);

    private static void SameBits(double actual, double expected, string what)
        => Assert.That(
            BitConverter.DoubleToInt64Bits(actual),
            Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)),
            () => $"{what}: Dual gives {Show(actual)}, double gives {Show(expected)}");

    // Unary members: name (as in UnaryFunctions, for the derivative), the double call, the Dual call.
    public sealed record UnaryMember(string Name, Func<double, double> OnDouble, Func<Dual<double>, Dual<double>> OnDual)
    {
        public override string ToString() => Name;
    }

    public sealed record BinaryMember(string Name, Func<double, double, double> OnDouble, Func<Dual<double>, Dual<double>, Dual<double>> OnDual)
    {
        public override string ToString() => Name;
    }

    public sealed record TernaryMember(string Name, Func<double, double, double, double> OnDouble, Func<Dual<double>, Dual<double>, Dual<double>, Dual<double>> OnDual)
    {
        public override string ToString() => Name;
    }

    public sealed record Predicate(string Name, Func<double, bool> OnDouble, Func<Dual<double>, bool> OnDual)
    {
        public override string ToString() => Name;
    }

    private static UnaryMember U(string name, Func<double, double> d, Func<Dual<double>, Dual<double>> x) => new(name, d, x);

    private static BinaryMember B(string name, Func<double, double, double> d, Func<Dual<double>, Dual<double>, Dual<double>> x) => new(name, d, x);

    private static Predicate P(string name, Func<double, bool> d, Func<Dual<double>, bool> x) => new(name, d, x);

    public static readonly UnaryMember[] UnaryMembers =
    [
        U("Negate", Via.Negate, Via.Negate),
        U("CheckedNegate", Via.CheckedNegate, Via.CheckedNegate),
        U("UnaryPlus", Via.Plus, Via.Plus),
        U("Increment", Via.Increment, Via.Increment),
        U("CheckedIncrement", Via.CheckedIncrement, Via.CheckedIncrement),
        U("Decrement", Via.Decrement, Via.Decrement),
        U("CheckedDecrement", Via.CheckedDecrement, Via.CheckedDecrement),
        U("Abs", Via.Abs, Via.Abs),
        U("Ceiling", Via.Ceiling, Via.Ceiling),
        U("Floor", Via.Floor, Via.Floor),
        U("Round", Via.Round, Via.Round),
        U("Round(x, 2)", x => Via.RoundDigits(x, 2), x => Via.RoundDigits(x, 2)),
        U("Round(x, AwayFromZero)", x => Via.RoundMode(x, MidpointRounding.AwayFromZero), x => Via.RoundMode(x, MidpointRounding.AwayFromZero)),
        U("Round(x, ToNegativeInfinity)", x => Via.RoundMode(x, MidpointRounding.ToNegativeInfinity), x => Via.RoundMode(x, MidpointRounding.ToNegativeInfinity)),
        U("Round(x, 1, ToZero)", x => Via.RoundDigitsMode(x, 1, MidpointRounding.ToZero), x => Via.RoundDigitsMode(x, 1, MidpointRounding.ToZero)),
        U("Truncate", Via.Truncate, Via.Truncate),
        U("BitDecrement", Via.BitDecrement, Via.BitDecrement),
        U("BitIncrement", Via.BitIncrement, Via.BitIncrement),
        U("ReciprocalEstimate", Via.ReciprocalEstimate, Via.ReciprocalEstimate),
        U("ReciprocalSqrtEstimate", Via.ReciprocalSqrtEstimate, Via.ReciprocalSqrtEstimate),
        U("ScaleB(x, 3)", x => Via.ScaleB(x, 3), x => Via.ScaleB(x, 3)),
        U("ScaleB(x, -1074)", x => Via.ScaleB(x, -1074), x => Via.ScaleB(x, -1074)),
        U("ScaleB(x, 2000)", x => Via.ScaleB(x, 2000), x => Via.ScaleB(x, 2000)),
        U("Exp", Via.Exp, Via.Exp),
        U("ExpM1", Via.ExpM1, Via.ExpM1),
        U("Exp2", Via.Exp2, Via.Exp2),
        U("Exp2M1", Via.Exp2M1, Via.Exp2M1),
        U("Exp10", Via.Exp10, Via.Exp10),
        U("Exp10M1", Via.Exp10M1, Via.Exp10M1),
        U("Sinh", Via.Sinh, Via.Sinh),
        U("Cosh", Via.Cosh, Via.Cosh),
        U("Tanh", Via.Tanh, Via.Tanh),
        U("Asinh", Via.Asinh, Via.Asinh),
        U("Acosh", Via.Acosh, Via.Acosh),
        U("Atanh", Via.Atanh, Via.Atanh),
        U("Log", Via.Log, Via.Log),
        U("LogP1", Via.LogP1, Via.LogP1),
        U("Log2", Via.Log2, Via.Log2),
        U("Log2P1", Via.Log2P1, Via.Log2P1),
        U("Log10", Via.Log10, Via.Log10),
        U("Log10P1", Via.Log10P1, Via.Log10P1),
        U("Cbrt", Via.Cbrt, Via.Cbrt),
        U("Sqrt", Via.Sqrt, Via.Sqrt),
        U("RootN(x, 3)", x => Via.RootN(x, 3), x => Via.RootN(x, 3)),
        U("RootN(x, 4)", x => Via.RootN(x, 4), x => Via.RootN(x, 4)),
        U("RootN(x, -2)", x => Via.RootN(x, -2), x => Via.RootN(x, -2)),
        U("RootN(x, 0)", x => Via.RootN(x, 0), x => Via.RootN(x, 0)),
        U("RootN(x, 1)", x => Via.RootN(x, 1), x => Via.RootN(x, 1)),
        U("Sin", Via.Sin, Via.Sin),
        U("Cos", Via.Cos, Via.Cos),
        U("Tan", Via.Tan, Via.Tan),
        U("Asin", Via.Asin, Via.Asin),
        U("Acos", Via.Acos, Via.Acos),
        U("Atan", Via.Atan, Via.Atan),
        U("SinPi", Via.SinPi, Via.SinPi),
        U("CosPi", Via.CosPi, Via.CosPi),
        U("TanPi", Via.TanPi, Via.TanPi),
        U("AsinPi", Via.AsinPi, Via.AsinPi),
        U("AcosPi", Via.AcosPi, Via.AcosPi),
        U("AtanPi", Via.AtanPi, Via.AtanPi),
        U("SinCos.Sin", Via.SinCosSin, Via.SinCosSin),
        U("SinCos.Cos", Via.SinCosCos, Via.SinCosCos),
        U("SinCosPi.SinPi", Via.SinCosPiSin, Via.SinCosPiSin),
        U("SinCosPi.CosPi", Via.SinCosPiCos, Via.SinCosPiCos),
        U("DegreesToRadians", Via.DegreesToRadians, Via.DegreesToRadians),
        U("RadiansToDegrees", Via.RadiansToDegrees, Via.RadiansToDegrees),
    ];

    public static readonly BinaryMember[] BinaryMembers =
    [
        B("x + y", Via.Add, Via.Add),
        B("checked(x + y)", Via.CheckedAdd, Via.CheckedAdd),
        B("x - y", Via.Subtract, Via.Subtract),
        B("checked(x - y)", Via.CheckedSubtract, Via.CheckedSubtract),
        B("x * y", Via.Multiply, Via.Multiply),
        B("checked(x * y)", Via.CheckedMultiply, Via.CheckedMultiply),
        B("x / y", Via.Divide, Via.Divide),
        B("checked(x / y)", Via.CheckedDivide, Via.CheckedDivide),
        B("x % y", Via.Modulus, Via.Modulus),
        B("MaxMagnitude", Via.MaxMagnitude, Via.MaxMagnitude),
        B("MaxMagnitudeNumber", Via.MaxMagnitudeNumber, Via.MaxMagnitudeNumber),
        B("MinMagnitude", Via.MinMagnitude, Via.MinMagnitude),
        B("MinMagnitudeNumber", Via.MinMagnitudeNumber, Via.MinMagnitudeNumber),
        B("CopySign", Via.CopySign, Via.CopySign),
        B("Max", Via.Max, Via.Max),
        B("MaxNumber", Via.MaxNumber, Via.MaxNumber),
        B("Min", Via.Min, Via.Min),
        B("MinNumber", Via.MinNumber, Via.MinNumber),
        B("Atan2", Via.Atan2, Via.Atan2),
        B("Atan2Pi", Via.Atan2Pi, Via.Atan2Pi),
        B("Ieee754Remainder", Via.Ieee754Remainder, Via.Ieee754Remainder),
        B("Log(x, y)", Via.LogBase, Via.LogBase),
        B("Pow", Via.Pow, Via.Pow),
        B("Hypot", Via.Hypot, Via.Hypot),
    ];

    // Native forms may pick either NaN operand's bits or either zero: only the value class is compared.
    public static readonly BinaryMember[] NativeMembers =
    [
        B("MaxNative", Via.MaxNative, Via.MaxNative),
        B("MinNative", Via.MinNative, Via.MinNative),
    ];

    public static readonly TernaryMember[] TernaryMembers =
    [
        new("FusedMultiplyAdd", Via.FusedMultiplyAdd, Via.FusedMultiplyAdd),
        new("MultiplyAddEstimate", Via.MultiplyAddEstimate, Via.MultiplyAddEstimate),
        new("Lerp", Via.Lerp, Via.Lerp),
    ];

    public static readonly Predicate[] Predicates =
    [
        P("IsCanonical", Via.IsCanonical, Via.IsCanonical),
        P("IsComplexNumber", Via.IsComplexNumber, Via.IsComplexNumber),
        P("IsEvenInteger", Via.IsEvenInteger, Via.IsEvenInteger),
        P("IsFinite", Via.IsFinite, Via.IsFinite),
        P("IsImaginaryNumber", Via.IsImaginaryNumber, Via.IsImaginaryNumber),
        P("IsInfinity", Via.IsInfinity, Via.IsInfinity),
        P("IsInteger", Via.IsInteger, Via.IsInteger),
        P("IsNaN", Via.IsNaN, Via.IsNaN),
        P("IsNegative", Via.IsNegative, Via.IsNegative),
        P("IsNegativeInfinity", Via.IsNegativeInfinity, Via.IsNegativeInfinity),
        P("IsNormal", Via.IsNormal, Via.IsNormal),
        P("IsOddInteger", Via.IsOddInteger, Via.IsOddInteger),
        P("IsPositive", Via.IsPositive, Via.IsPositive),
        P("IsPositiveInfinity", Via.IsPositiveInfinity, Via.IsPositiveInfinity),
        P("IsRealNumber", Via.IsRealNumber, Via.IsRealNumber),
        P("IsSubnormal", Via.IsSubnormal, Via.IsSubnormal),
        P("IsZero", Via.IsZero, Via.IsZero),
    ];

    [TestCaseSource(nameof(UnaryMembers))]
    public void UnaryMember_ThroughInterface_ValueIsBitwiseDoubles(UnaryMember m)
    {
        foreach (double x in LadderAndInterior)
        {
            double expected = m.OnDouble(x);
            SameBits(m.OnDual(Dual<double>.Variable(x)).Value, expected, $"{m.Name}({Show(x)}) on a variable");
            SameBits(m.OnDual(Dual<double>.Constant(x)).Value, expected, $"{m.Name}({Show(x)}) on a constant");
        }
    }

    [TestCaseSource(nameof(UnaryMembers))]
    public void UnaryMember_ThroughInterface_OnFiniteConstant_HasZeroDerivative(UnaryMember m)
    {
        foreach (double x in LadderAndInterior.Where(double.IsFinite))
        {
            Assert.That(m.OnDual(Dual<double>.Constant(x)).Derivative, Is.Zero, () => $"{m.Name}′ of the constant {Show(x)}");
        }
    }

    // ScaleB(x, 2000) and RootN(x, 0) have no finite closed-form slope anywhere: see ScaleB_AndRootN_EdgeExponents.
    private static IEnumerable<UnaryMember> SmoothUnaryMembers => UnaryMembers.Where(m => m.Name is not ("ScaleB(x, 2000)" or "RootN(x, 0)"));

    [TestCaseSource(nameof(SmoothUnaryMembers))]
    public void UnaryMember_ThroughInterface_DerivativeFollowsClosedForm(UnaryMember m)
    {
        UnaryFunction? oracle = UnaryFunctions.All.SingleOrDefault(f => f.Name == m.Name);
        string name = m.Name.StartsWith("Checked", StringComparison.Ordinal) ? m.Name["Checked".Length..] : m.Name;
        oracle ??= UnaryFunctions.All.SingleOrDefault(f => f.Name == name);
        oracle ??= m.Name.StartsWith("Round", StringComparison.Ordinal) || m.Name.StartsWith("ScaleB", StringComparison.Ordinal) || m.Name.StartsWith("RootN(x, ", StringComparison.Ordinal)
            ? ExtraOracle(m.Name)
            : null;
        Assert.That(oracle, Is.Not.Null, $"no closed form for {m.Name}");
        int checkedPoints = 0;
        foreach (double x in LadderAndInterior.Where(p => double.IsFinite(p) && oracle!.Valid(p)))
        {
            double expected = oracle!.D1(x);
            if (!double.IsFinite(expected))
            {
                continue; // out of range for the closed form (e.g. 1/ε²); the special-point table covers the edge.
            }

            Close.Check(m.OnDual(Dual<double>.Variable(x)).Derivative, expected, oracle.RelativeTolerance, $"{m.Name}′ through the interface", x);
            checkedPoints++;
        }

        Assert.That(checkedPoints, Is.GreaterThan(0));
    }

    private static UnaryFunction ExtraOracle(string name) => name switch
    {
        "ScaleB(x, -1074)" => new(name, _ => double.ScaleB(1, -1074), _ => 0, _ => 0, x => Math.Abs(x) < 1e300, x => 1),
        "RootN(x, 1)" => new(name, _ => 1, _ => 0, _ => 0, _ => true, x => 1),
        _ => new(name, _ => 0, _ => 0, _ => 0, _ => true, x => 1), // the Round forms: piecewise constant
    };

    [Test]
    public void ScaleB_AndRootN_EdgeExponents_FollowTheChainRule()
    {
        // d/dx 2ⁿ x = 2ⁿ (here 2²⁰⁰⁰ overflows to +∞ like the value); RootN(x, 0) is NaN with NaN slope.
        Assert.That(Via.ScaleB(Dual<double>.Variable(1.5), 2000).Derivative, Is.EqualTo(double.PositiveInfinity));
        Assert.That(Via.ScaleB(Dual<double>.Variable(1.5), -1074).Derivative, Is.EqualTo(double.Epsilon));
        Assert.That(double.IsNaN(Via.RootN(Dual<double>.Variable(2.0), 0).Value), Is.True);
    }

    [TestCaseSource(nameof(BinaryMembers))]
    public void BinaryMember_ThroughInterface_ValueIsBitwiseDoubles(BinaryMember m)
    {
        foreach (double x in Ladder)
        {
            foreach (double y in Ladder)
            {
                double expected = m.OnDouble(x, y);
                SameBits(m.OnDual(Dual<double>.Variable(x), Dual<double>.Constant(y)).Value, expected, $"{m.Name}({Show(x)}, {Show(y)})");
                SameBits(m.OnDual(Dual<double>.Constant(x), Dual<double>.Variable(y)).Value, expected, $"{m.Name}({Show(x)}, {Show(y)}) with y perturbed");
                SameBits(m.OnDual(Dual<double>.Variable(x), Dual<double>.Variable(y)).Value, expected, $"{m.Name}({Show(x)}, {Show(y)}) with both perturbed");
            }
        }
    }

    [TestCaseSource(nameof(BinaryMembers))]
    public void BinaryMember_ThroughInterface_OnFiniteConstants_HasZeroDerivative(BinaryMember m)
    {
        foreach (double x in Ladder.Where(double.IsFinite))
        {
            foreach (double y in Ladder.Where(double.IsFinite))
            {
                Assert.That(m.OnDual(Dual<double>.Constant(x), Dual<double>.Constant(y)).Derivative, Is.Zero, () => $"{m.Name}({Show(x)}, {Show(y)}) on constants");
            }
        }
    }

    [TestCaseSource(nameof(BinaryMembers))]
    public void BinaryMember_ThroughInterface_GradientFollowsClosedForm(BinaryMember m)
    {
        BinaryFunction oracle = BinaryFunctions.All.Single(f => f.Name == (m.Name.StartsWith("checked(", StringComparison.Ordinal) ? m.Name[8..^1] : m.Name));
        foreach ((double x, double y) in oracle.Points)
        {
            Partials p = oracle.Closed(x, y);
            Close.Check(m.OnDual(Dual<double>.Variable(x), Dual<double>.Constant(y)).Derivative, p.Dx, oracle.RelativeTolerance, $"∂{m.Name}/∂x at y = {y:R}", x);
            Close.Check(m.OnDual(Dual<double>.Constant(x), Dual<double>.Variable(y)).Derivative, p.Dy, oracle.RelativeTolerance, $"∂{m.Name}/∂y at x = {x:R}", y);
        }
    }

    [TestCaseSource(nameof(NativeMembers))]
    public void NativeMember_ThroughInterface_ValueMatchesDoubleUpToNaNPayloadAndZeroSign(BinaryMember m)
    {
        foreach (double x in Ladder)
        {
            foreach (double y in Ladder)
            {
                double expected = m.OnDouble(x, y);
                double actual = m.OnDual(Dual<double>.Variable(x), Dual<double>.Constant(y)).Value;
                Assert.That(double.IsNaN(actual) ? double.NaN : actual, Is.EqualTo(double.IsNaN(expected) ? double.NaN : expected), () => $"{m.Name}({Show(x)}, {Show(y)})");
            }
        }
    }

    [TestCaseSource(nameof(TernaryMembers))]
    public void TernaryMember_ThroughInterface_ValueIsBitwiseDoubles(TernaryMember m)
    {
        foreach (double a in Ladder)
        {
            foreach (double b in Ladder)
            {
                foreach (double c in Ladder)
                {
                    double expected = m.OnDouble(a, b, c);
                    double actual = m.OnDual(Dual<double>.Variable(a), Dual<double>.Constant(b), Dual<double>.Variable(c)).Value;
                    SameBits(actual, expected, $"{m.Name}({Show(a)}, {Show(b)}, {Show(c)})");
                }
            }
        }
    }

    [Test]
    public void FusedMultiplyAdd_Lerp_MultiplyAddEstimate_ThroughInterface_HaveExactPartials()
    {
        foreach ((double a, double b, double c) in new[] { (1.5, -2.0, 0.25), (-3.0, 0.5, 7.0), (0.0, 4.0, -1.0) })
        {
            // FMA(a, b, c) = ab + c: ∂a = b, ∂b = a, ∂c = 1.
            Assert.That(Via.FusedMultiplyAdd(Dual<double>.Variable(a), b, c).Derivative, Is.EqualTo(b));
            Assert.That(Via.FusedMultiplyAdd(a, Dual<double>.Variable(b), c).Derivative, Is.EqualTo(a));
            Assert.That(Via.FusedMultiplyAdd(a, b, Dual<double>.Variable(c)).Derivative, Is.EqualTo(1.0));
            Assert.That(Via.MultiplyAddEstimate(Dual<double>.Variable(a), b, c).Derivative, Is.EqualTo(b));
            Assert.That(Via.MultiplyAddEstimate(a, b, Dual<double>.Variable(c)).Derivative, Is.EqualTo(1.0));

            // Lerp(a, b, t) = a + (b − a) t: ∂a = 1 − t, ∂b = t, ∂t = b − a.
            Assert.That(Via.Lerp(Dual<double>.Variable(a), b, c).Derivative, Is.EqualTo(1 - c).Within(1e-15));
            Assert.That(Via.Lerp(a, Dual<double>.Variable(b), c).Derivative, Is.EqualTo(c).Within(1e-15));
            Assert.That(Via.Lerp(a, b, Dual<double>.Variable(c)).Derivative, Is.EqualTo(b - a).Within(1e-15));
        }
    }

    [Test]
    public void Clamp_ThroughInterface_MatchesDouble_AndRejectsMinAboveMax()
    {
        foreach (double x in Ladder)
        {
            foreach (double lo in Ladder)
            {
                foreach (double hi in Ladder)
                {
                    if (lo > hi)
                    {
                        Assert.That(() => Via.Clamp<Dual<double>>(x, lo, hi), Throws.ArgumentException, () => $"Clamp({Show(x)}, {Show(lo)}, {Show(hi)})");
                        continue;
                    }

                    double expected = Via.Clamp(x, lo, hi);
                    SameBits(Via.Clamp(Dual<double>.Variable(x), lo, hi).Value, expected, $"Clamp({Show(x)}, {Show(lo)}, {Show(hi)})");
                    double native = Via.ClampNative(Dual<double>.Variable(x), lo, hi).Value;
                    Assert.That(double.IsNaN(native) || native == Via.ClampNative(x, lo, hi), Is.True, () => $"ClampNative({Show(x)}, {Show(lo)}, {Show(hi)})");
                }
            }
        }

        Assert.That(Via.Clamp(Dual<double>.Variable(0.5), -1.0, 1.0).Derivative, Is.EqualTo(1.0));
        Assert.That(Via.Clamp(Dual<double>.Variable(5.0), -1.0, 1.0).Derivative, Is.Zero);
        Assert.That(Via.Clamp(0.0, Dual<double>.Variable(0.5), 1.0).Derivative, Is.EqualTo(1.0));
        Assert.That(Via.Clamp(3.0, 0.0, Dual<double>.Variable(1.0)).Derivative, Is.EqualTo(1.0));
    }

    [TestCaseSource(nameof(Predicates))]
    public void Predicate_ThroughInterface_OnConstant_MatchesDouble(Predicate p)
    {
        foreach (double x in LadderAndInterior.Concat([2.0, 3.0, -4.0, 1e300, 2.5e-310]))
        {
            Assert.That(p.OnDual(Dual<double>.Constant(x)), Is.EqualTo(p.OnDouble(x)), () => $"{p.Name}({Show(x)})");
        }
    }

    [TestCaseSource(nameof(Predicates))]
    public void Predicate_ThroughInterface_OnVariable_LooksAtTheValue_ExceptIsZero(Predicate p)
    {
        foreach (double x in LadderAndInterior.Concat([2.0, 3.0, -4.0, 1e300, 2.5e-310]))
        {
            bool expected = p.Name == "IsZero" ? false : p.OnDouble(x);
            Assert.That(p.OnDual(Dual<double>.Variable(x)), Is.EqualTo(expected), () => $"{p.Name}({Show(x)} + ε)");
        }
    }

    [Test]
    public void Sign_And_ILogB_ThroughInterface_MatchDouble()
    {
        foreach (double x in LadderAndInterior)
        {
            Assert.That(Via.ILogB(Dual<double>.Variable(x)), Is.EqualTo(Via.ILogB(x)), () => $"ILogB({Show(x)})");
            if (double.IsNaN(x))
            {
                Assert.That(() => Via.Sign(Dual<double>.Variable(x)), Throws.InstanceOf<ArithmeticException>());
                Assert.That(() => Via.Sign(x), Throws.InstanceOf<ArithmeticException>());
            }
            else
            {
                Assert.That(Via.Sign(Dual<double>.Variable(x)), Is.EqualTo(Via.Sign(x)), () => $"Sign({Show(x)})");
            }
        }
    }

    [Test]
    public void ComparisonOperators_ThroughInterface_OnConstants_MatchDouble()
    {
        foreach (double x in Ladder)
        {
            foreach (double y in Ladder)
            {
                Dual<double> a = Dual<double>.Constant(x);
                Dual<double> b = Dual<double>.Constant(y);
                string at = $"({Show(x)}, {Show(y)})";
                Assert.That(Via.Equal(a, b), Is.EqualTo(Via.Equal(x, y)), () => "== " + at);
                Assert.That(Via.NotEqual(a, b), Is.EqualTo(Via.NotEqual(x, y)), () => "!= " + at);
                Assert.That(Via.Less(a, b), Is.EqualTo(Via.Less(x, y)), () => "< " + at);
                Assert.That(Via.LessOrEqual(a, b), Is.EqualTo(Via.LessOrEqual(x, y)), () => "<= " + at);
                Assert.That(Via.Greater(a, b), Is.EqualTo(Via.Greater(x, y)), () => "> " + at);
                Assert.That(Via.GreaterOrEqual(a, b), Is.EqualTo(Via.GreaterOrEqual(x, y)), () => ">= " + at);
                Assert.That(Math.Sign(Via.CompareTo(a, b)), Is.EqualTo(Math.Sign(Via.CompareTo(x, y))), () => "CompareTo " + at);
                Assert.That(Via.EqualsOf(a, b), Is.EqualTo(Via.EqualsOf(x, y)), () => "Equals " + at);
            }
        }
    }

    [Test]
    public void OrderingOperators_ThroughInterface_OnVariables_LookAtTheValue()
    {
        foreach (double x in Ladder)
        {
            foreach (double y in Ladder)
            {
                var a = new Dual<double>(x, 3);
                var b = new Dual<double>(y, -2);
                string at = $"({Show(x)}, {Show(y)})";
                Assert.That(Via.Less(a, b), Is.EqualTo(Via.Less(x, y)), () => "< " + at);
                Assert.That(Via.LessOrEqual(a, b), Is.EqualTo(x <= y), () => "<= " + at);
                Assert.That(Via.Greater(a, b), Is.EqualTo(Via.Greater(x, y)), () => "> " + at);
                Assert.That(Via.GreaterOrEqual(a, b), Is.EqualTo(x >= y), () => ">= " + at);
            }
        }
    }

    [Test]
    public void Equality_OfPerturbedDualWithZero_IsFalse_SoBranchesDoNotDropDerivatives()
    {
        Dual<double> x = Dual<double>.Variable(0.0);
        Assert.That(Via.Equal(x, Dual<double>.Zero), Is.False);
        Assert.That(Via.NotEqual(x, Dual<double>.Zero), Is.True);
        Assert.That(Via.IsZero(x), Is.False);
        Assert.That(Via.IsZero(Dual<double>.Constant(-0.0)), Is.True);
    }

    [Test]
    public void EqualsAndGetHashCode_AreConsistent_AndEqualsIsReflexive()
    {
        var values = new List<Dual<double>>();
        foreach (double x in Ladder)
        {
            values.Add(Dual<double>.Constant(x));
            values.Add(Dual<double>.Variable(x));
            values.Add(new Dual<double>(x, double.NaN));
            values.Add(new Dual<double>(x, -0.0));
        }

        foreach (Dual<double> a in values)
        {
            Assert.That(a.Equals(a), Is.True, () => $"{a} equals itself");
            Assert.That(a.Equals((object)a), Is.True, () => $"{a} equals itself boxed");
            foreach (Dual<double> b in values)
            {
                if (a.Equals(b))
                {
                    Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()), () => $"{a} and {b} are Equal, so their hashes must be");
                    Assert.That(b.Equals(a), Is.True, () => $"Equals is symmetric for {a}, {b}");
                }
            }
        }

        Assert.That(Dual<double>.Constant(1).Equals((object)"1"), Is.False);
        Assert.That(Dual<double>.Constant(1).Equals(null), Is.False);
    }

    [Test]
    public void CompareToObject_ThroughIComparable_OrdersByValue_AndRejectsOtherTypes()
    {
        Assert.That(Via.CompareToObject(Dual<double>.Constant(1), Dual<double>.Constant(2)), Is.Negative);
        Assert.That(Via.CompareToObject(Dual<double>.Constant(2), null), Is.Positive);
        Assert.That(() => Via.CompareToObject(Dual<double>.Constant(2), "2"), Throws.ArgumentException);
    }

    [Test]
    public void Constants_ThroughInterface_AreDoublesConstantsWithZeroDerivative()
    {
        (string Name, Dual<double> Actual, double Expected)[] constants =
        [
            ("AdditiveIdentity", Via.AdditiveIdentity<Dual<double>>(), Via.AdditiveIdentity<double>()),
            ("MultiplicativeIdentity", Via.MultiplicativeIdentity<Dual<double>>(), Via.MultiplicativeIdentity<double>()),
            ("MinValue", Via.MinValue<Dual<double>>(), Via.MinValue<double>()),
            ("MaxValue", Via.MaxValue<Dual<double>>(), Via.MaxValue<double>()),
            ("NegativeOne", Via.NegativeOne<Dual<double>>(), Via.NegativeOne<double>()),
            ("One", Via.One<Dual<double>>(), Via.One<double>()),
            ("Zero", Via.Zero<Dual<double>>(), Via.Zero<double>()),
            ("E", Via.E<Dual<double>>(), Via.E<double>()),
            ("Pi", Via.Pi<Dual<double>>(), Via.Pi<double>()),
            ("Tau", Via.Tau<Dual<double>>(), Via.Tau<double>()),
            ("Epsilon", Via.Epsilon<Dual<double>>(), Via.Epsilon<double>()),
            ("NaN", Via.NaN<Dual<double>>(), Via.NaN<double>()),
            ("NegativeInfinity", Via.NegativeInfinity<Dual<double>>(), Via.NegativeInfinity<double>()),
            ("NegativeZero", Via.NegativeZero<Dual<double>>(), Via.NegativeZero<double>()),
            ("PositiveInfinity", Via.PositiveInfinity<Dual<double>>(), Via.PositiveInfinity<double>()),
        ];
        foreach ((string name, Dual<double> actual, double expected) in constants)
        {
            SameBits(actual.Value, expected, name);
            Assert.That(actual.Derivative, Is.Zero, name);
        }

        Assert.That(Via.Radix<Dual<double>>(), Is.EqualTo(2));
        Assert.That(Via.MaxValue<Dual<Dual<double>>>().Value.Value, Is.EqualTo(double.MaxValue));
        Assert.That(Via.MinValue<Dual<float>>().Value, Is.EqualTo(float.MinValue));
    }

    [Test]
    public void FloatingPointLayoutMembers_ThroughInterface_DescribeTheValueLikeDouble()
    {
        foreach (double x in LadderAndInterior)
        {
            Dual<double> d = Dual<double>.Variable(x);
            Assert.That(Via.GetExponentByteCount(d), Is.EqualTo(Via.GetExponentByteCount(x)));
            Assert.That(Via.GetExponentShortestBitLength(d), Is.EqualTo(Via.GetExponentShortestBitLength(x)), () => $"at {Show(x)}");
            Assert.That(Via.GetSignificandBitLength(d), Is.EqualTo(Via.GetSignificandBitLength(x)));
            Assert.That(Via.GetSignificandByteCount(d), Is.EqualTo(Via.GetSignificandByteCount(x)));
            Assert.That(Via.WriteExponentAndSignificand(d), Is.EqualTo(Via.WriteExponentAndSignificand(x)), () => $"at {Show(x)}");
        }
    }

    [Test]
    public void ConvertToInteger_ThroughInterface_ConvertsTheValueLikeDouble()
    {
        foreach (double x in LadderAndInterior)
        {
            Dual<double> d = Dual<double>.Variable(x);
            Assert.That(Via.ConvertToInteger<Dual<double>, int>(d), Is.EqualTo(Via.ConvertToInteger<double, int>(x)), () => $"int at {Show(x)}");
            Assert.That(Via.ConvertToInteger<Dual<double>, long>(d), Is.EqualTo(Via.ConvertToInteger<double, long>(x)), () => $"long at {Show(x)}");
            Assert.That(Via.ConvertToInteger<Dual<double>, UInt128>(d), Is.EqualTo(Via.ConvertToInteger<double, UInt128>(x)), () => $"UInt128 at {Show(x)}");
        }

        foreach (double x in new[] { -2.5, -0.5, 0.0, 0.75, 2.5, 1e6 })
        {
            Assert.That(Via.ConvertToIntegerNative<Dual<double>, int>(Dual<double>.Variable(x)), Is.EqualTo(Via.ConvertToIntegerNative<double, int>(x)), () => $"native int at {Show(x)}");
        }
    }
}
