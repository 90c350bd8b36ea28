using System.Numerics;

namespace ForwardDiff.Tests.Hyper;

/// <summary>
/// Every interface member of <c>IFloatingPointIeee754&lt;HyperDual&lt;double&gt;&gt;</c>, called through the interface
/// (generic helpers constrained on it, as dotnet/runtime's tests do) over the edge ladder. For constant inputs the real
/// part equals double's result bit for bit and every perturbation stays exactly zero (strong zeros).
/// </summary>
[TestFixture]
public sealed class HyperDualInterfaceTests
{
    private static readonly double[] Ladder =
    [
        double.NegativeInfinity, double.MinValue, -1.0, -double.Epsilon, -0.0, double.NaN,
        0.0, double.Epsilon, 1.0, double.MaxValue, double.PositiveInfinity,
    ];

    private static readonly string[] UnaryMembers =
    [
        "Abs", "Acos", "Acosh", "AcosPi", "Asin", "Asinh", "AsinPi", "Atan", "Atanh", "AtanPi", "BitDecrement", "BitIncrement",
        "Cbrt", "Ceiling", "Cos", "Cosh", "CosPi", "DegreesToRadians", "Exp", "Exp10", "Exp10M1", "Exp2", "Exp2M1", "ExpM1",
        "Floor", "Log", "Log10", "Log10P1", "Log2", "Log2P1", "LogP1", "Negate", "Plus", "Increment", "Decrement",
        "RadiansToDegrees", "ReciprocalEstimate", "ReciprocalSqrtEstimate", "Round", "Round2", "RoundToZero", "Round1AwayFromZero",
        "Sin", "Sinh", "SinPi", "Sqrt", "Tan", "Tanh", "TanPi", "Truncate", "RootN3", "RootN4", "ScaleB5", "ScaleBMinus1080",
        "SinCos.Sin", "SinCos.Cos", "SinCosPi.Sin", "SinCosPi.Cos",
    ];

    private static readonly string[] BinaryMembers =
    [
        "Add", "Subtract", "Multiply", "Divide", "Modulus", "Atan2", "Atan2Pi", "Hypot", "Pow", "LogBase", "Ieee754Remainder",
        "Max", "Min", "MaxNumber", "MinNumber", "MaxMagnitude", "MinMagnitude", "MaxMagnitudeNumber", "MinMagnitudeNumber",
        "CopySign", "FusedMultiplyAdd", "MultiplyAddEstimate", "Lerp",
    ];

    private static readonly string[] Predicates =
    [
        "IsCanonical", "IsComplexNumber", "IsEvenInteger", "IsFinite", "IsImaginaryNumber", "IsInfinity", "IsInteger", "IsNaN",
        "IsNegative", "IsNegativeInfinity", "IsNormal", "IsOddInteger", "IsPositive", "IsPositiveInfinity", "IsRealNumber",
        "IsSubnormal", "IsZero",
    ];

    private static readonly string[] Comparisons = ["<", ">", "<=", ">=", "==", "!=", "Equals", "CompareTo>0", "CompareTo<0", "CompareTo=0"];

    internal static T Unary<T>(string member, T x)
        where T : IFloatingPointIeee754<T> => member switch
        {
            "Abs" => T.Abs(x),
            "Acos" => T.Acos(x),
            "Acosh" => T.Acosh(x),
            "AcosPi" => T.AcosPi(x),
            "Asin" => T.Asin(x),
            "Asinh" => T.Asinh(x),
            "AsinPi" => T.AsinPi(x),
            "Atan" => T.Atan(x),
            "Atanh" => T.Atanh(x),
            "AtanPi" => T.AtanPi(x),
            "BitDecrement" => T.BitDecrement(x),
            "BitIncrement" => T.BitIncrement(x),
            "Cbrt" => T.Cbrt(x),
            "Ceiling" => T.Ceiling(x),
            "Cos" => T.Cos(x),
            "Cosh" => T.Cosh(x),
            "CosPi" => T.CosPi(x),
            "DegreesToRadians" => T.DegreesToRadians(x),
            "Exp" => T.Exp(x),
            "Exp10" => T.Exp10(x),
            "Exp10M1" => T.Exp10M1(x),
            "Exp2" => T.Exp2(x),
            "Exp2M1" => T.Exp2M1(x),
            "ExpM1" => T.ExpM1(x),
            "Floor" => T.Floor(x),
            "Log" => T.Log(x),
            "Log10" => T.Log10(x),
            "Log10P1" => T.Log10P1(x),
            "Log2" => T.Log2(x),
            "Log2P1" => T.Log2P1(x),
            "LogP1" => T.LogP1(x),
            "Negate" => -x,
            "Plus" => +x,
            "Increment" => ++x,
            "Decrement" => --x,
            "RadiansToDegrees" => T.RadiansToDegrees(x),
            "ReciprocalEstimate" => T.ReciprocalEstimate(x),
            "ReciprocalSqrtEstimate" => T.ReciprocalSqrtEstimate(x),
            "Round" => T.Round(x),
            "Round2" => T.Round(x, 2),
            "RoundToZero" => T.Round(x, MidpointRounding.ToZero),
            "Round1AwayFromZero" => T.Round(x, 1, MidpointRounding.AwayFromZero),
            "Sin" => T.Sin(x),
            "Sinh" => T.Sinh(x),
            "SinPi" => T.SinPi(x),
            "Sqrt" => T.Sqrt(x),
            "Tan" => T.Tan(x),
            "Tanh" => T.Tanh(x),
            "TanPi" => T.TanPi(x),
            "Truncate" => T.Truncate(x),
            "RootN3" => T.RootN(x, 3),
            "RootN4" => T.RootN(x, 4),
            "ScaleB5" => T.ScaleB(x, 5),
            "ScaleBMinus1080" => T.ScaleB(x, -1080),
            "SinCos.Sin" => T.SinCos(x).Sin,
            "SinCos.Cos" => T.SinCos(x).Cos,
            "SinCosPi.Sin" => T.SinCosPi(x).SinPi,
            "SinCosPi.Cos" => T.SinCosPi(x).CosPi,
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "unknown member"),
        };

    internal static T Binary<T>(string member, T x, T y)
        where T : IFloatingPointIeee754<T> => member switch
        {
            "Add" => x + y,
            "Subtract" => x - y,
            "Multiply" => x * y,
            "Divide" => x / y,
            "Modulus" => x % y,
            "Atan2" => T.Atan2(x, y),
            "Atan2Pi" => T.Atan2Pi(x, y),
            "Hypot" => T.Hypot(x, y),
            "Pow" => T.Pow(x, y),
            "LogBase" => T.Log(x, y),
            "Ieee754Remainder" => T.Ieee754Remainder(x, y),
            "Max" => T.Max(x, y),
            "Min" => T.Min(x, y),
            "MaxNumber" => T.MaxNumber(x, y),
            "MinNumber" => T.MinNumber(x, y),
            "MaxMagnitude" => T.MaxMagnitude(x, y),
            "MinMagnitude" => T.MinMagnitude(x, y),
            "MaxMagnitudeNumber" => T.MaxMagnitudeNumber(x, y),
            "MinMagnitudeNumber" => T.MinMagnitudeNumber(x, y),
            "CopySign" => T.CopySign(x, y),
            "FusedMultiplyAdd" => T.FusedMultiplyAdd(x, y, T.One),
            "MultiplyAddEstimate" => T.MultiplyAddEstimate(x, y, T.One),
            "Lerp" => T.Lerp(x, y, T.CreateChecked(0.25)),
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "unknown member"),
        };

    internal static bool Predicate<T>(string member, T x)
        where T : IFloatingPointIeee754<T> => member switch
        {
            "IsCanonical" => T.IsCanonical(x),
            "IsComplexNumber" => T.IsComplexNumber(x),
            "IsEvenInteger" => T.IsEvenInteger(x),
            "IsFinite" => T.IsFinite(x),
            "IsImaginaryNumber" => T.IsImaginaryNumber(x),
            "IsInfinity" => T.IsInfinity(x),
            "IsInteger" => T.IsInteger(x),
            "IsNaN" => T.IsNaN(x),
            "IsNegative" => T.IsNegative(x),
            "IsNegativeInfinity" => T.IsNegativeInfinity(x),
            "IsNormal" => T.IsNormal(x),
            "IsOddInteger" => T.IsOddInteger(x),
            "IsPositive" => T.IsPositive(x),
            "IsPositiveInfinity" => T.IsPositiveInfinity(x),
            "IsRealNumber" => T.IsRealNumber(x),
            "IsSubnormal" => T.IsSubnormal(x),
            "IsZero" => T.IsZero(x),
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "unknown member"),
        };

    internal static bool Compare<T>(string member, T x, T y)
        where T : IFloatingPointIeee754<T> => member switch
        {
            "<" => x < y,
            ">" => x > y,
            "<=" => x <= y,
            ">=" => x >= y,
            "==" => x == y,
            "!=" => x != y,
            "Equals" => x.Equals(y),
            "CompareTo>0" => x.CompareTo(y) > 0,
            "CompareTo<0" => x.CompareTo(y) < 0,
            "CompareTo=0" => x.CompareTo(y) == 0,
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "unknown member"),
        };

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static void AssertConstantResult(HyperDual<double> actual, double expected, string what)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits(actual.Value), Is.EqualTo(Bits(expected)), $"{what}: value {actual.Value} vs double {expected}");
            Assert.That(actual.E1, Is.Zero, $"{what}: ε₁ of a constant");
            Assert.That(actual.E2, Is.Zero, $"{what}: ε₂ of a constant");
            Assert.That(actual.E1E2, Is.Zero, $"{what}: ε₁ε₂ of a constant");
        }
    }

    [TestCaseSource(nameof(UnaryMembers))]
    public void UnaryMember_OverEdgeLadder_ValueIsBitwiseDoubleAndPerturbationsStayZero(string member)
    {
        foreach (double x in Ladder)
        {
            AssertConstantResult(Unary(member, HyperDual<double>.Constant(x)), Unary(member, x), $"{member}({x})");
        }
    }

    [TestCaseSource(nameof(BinaryMembers))]
    public void BinaryMember_OverEdgeLadderSquared_ValueIsBitwiseDoubleAndPerturbationsStayZero(string member)
    {
        foreach (double x in Ladder)
        {
            foreach (double y in Ladder)
            {
                AssertConstantResult(Binary(member, HyperDual<double>.Constant(x), HyperDual<double>.Constant(y)), Binary(member, x, y), $"{member}({x}, {y})");
            }
        }
    }

    [TestCaseSource(nameof(Predicates))]
    public void Predicate_OverEdgeLadder_AgreesWithDouble(string member)
    {
        foreach (double x in Ladder)
        {
            Assert.That(Predicate(member, HyperDual<double>.Constant(x)), Is.EqualTo(Predicate(member, x)), $"{member}({x})");
        }
    }

    [TestCaseSource(nameof(Comparisons))]
    public void Comparison_OverEdgeLadderSquared_AgreesWithDouble(string member)
    {
        foreach (double x in Ladder)
        {
            foreach (double y in Ladder)
            {
                Assert.That(Compare(member, HyperDual<double>.Constant(x), HyperDual<double>.Constant(y)), Is.EqualTo(Compare(member, x, y)), $"{x} {member} {y}");
            }
        }
    }

    [Test]
    public void IntegerResults_OverEdgeLadder_AgreeWithDouble()
    {
        foreach (double x in Ladder)
        {
            Assert.That(ILogB(HyperDual<double>.Constant(x)), Is.EqualTo(ILogB(x)), $"ILogB({x})");
            if (double.IsNaN(x))
            {
                Assert.Throws<ArithmeticException>(() => Sign(HyperDual<double>.Constant(x)));
            }
            else
            {
                Assert.That(Sign(HyperDual<double>.Constant(x)), Is.EqualTo(Sign(x)), $"Sign({x})");
            }
        }

        static int ILogB<T>(T x)
            where T : IFloatingPointIeee754<T> => T.ILogB(x);
        static int Sign<T>(T x)
            where T : INumber<T> => T.Sign(x);
    }

    [Test]
    public void Clamp_OverEdgeLadder_AgreesWithDoubleOrThrowsTheSameWay()
    {
        foreach (double lo in Ladder)
        {
            foreach (double hi in Ladder)
            {
                if (lo > hi)
                {
                    Assert.Throws<ArgumentException>(() => Clamp(HyperDual<double>.Constant(0.5), HyperDual<double>.Constant(lo), HyperDual<double>.Constant(hi)));
                    continue;
                }

                if (double.IsNaN(lo) || double.IsNaN(hi))
                {
                    continue;
                }

                foreach (double x in Ladder)
                {
                    AssertConstantResult(Clamp(HyperDual<double>.Constant(x), HyperDual<double>.Constant(lo), HyperDual<double>.Constant(hi)), Clamp(x, lo, hi), $"Clamp({x}, {lo}, {hi})");
                }
            }
        }

        static T Clamp<T>(T x, T lo, T hi)
            where T : INumber<T> => T.Clamp(x, lo, hi);
    }

    [Test]
    public void Constants_ThroughTheInterface_AreDoubleConstantsWithZeroPerturbations()
    {
        (string Name, HyperDual<double> Hyper, double Plain)[] constants =
        [
            ("Zero", Get<HyperDual<double>>.Zero, Get<double>.Zero),
            ("One", Get<HyperDual<double>>.One, Get<double>.One),
            ("NegativeOne", Get<HyperDual<double>>.NegativeOne, Get<double>.NegativeOne),
            ("AdditiveIdentity", Get<HyperDual<double>>.AdditiveIdentity, Get<double>.AdditiveIdentity),
            ("MultiplicativeIdentity", Get<HyperDual<double>>.MultiplicativeIdentity, Get<double>.MultiplicativeIdentity),
            ("E", Get<HyperDual<double>>.E, Get<double>.E),
            ("Pi", Get<HyperDual<double>>.Pi, Get<double>.Pi),
            ("Tau", Get<HyperDual<double>>.Tau, Get<double>.Tau),
            ("Epsilon", Get<HyperDual<double>>.Epsilon, Get<double>.Epsilon),
            ("NaN", Get<HyperDual<double>>.NaN, Get<double>.NaN),
            ("NegativeInfinity", Get<HyperDual<double>>.NegativeInfinity, Get<double>.NegativeInfinity),
            ("PositiveInfinity", Get<HyperDual<double>>.PositiveInfinity, Get<double>.PositiveInfinity),
            ("NegativeZero", Get<HyperDual<double>>.NegativeZero, Get<double>.NegativeZero),
            ("MaxValue", Get<HyperDual<double>>.MaxValue, Get<double>.MaxValue),
            ("MinValue", Get<HyperDual<double>>.MinValue, Get<double>.MinValue),
        ];
        foreach ((string name, HyperDual<double> hyper, double plain) in constants)
        {
            AssertConstantResult(hyper, plain, name);
        }

        Assert.That(Get<HyperDual<double>>.Radix, Is.EqualTo(Get<double>.Radix));
    }

    [Test]
    public void BitLevelMembers_OverEdgeLadder_DescribeTheRealPart()
    {
        foreach (double x in Ladder)
        {
            Assert.That(Describe(HyperDual<double>.Constant(x)), Is.EqualTo(Describe(x)), $"{x}");
        }

        static string Describe<T>(T x)
            where T : IFloatingPoint<T>
        {
            Span<byte> buffer = stackalloc byte[16];
            var parts = new List<string>
            {
                x.GetExponentByteCount().ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.GetExponentShortestBitLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.GetSignificandBitLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.GetSignificandByteCount().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            parts.Add(x.TryWriteExponentBigEndian(buffer, out int n) + Convert.ToHexString(buffer[..n]));
            parts.Add(x.TryWriteExponentLittleEndian(buffer, out n) + Convert.ToHexString(buffer[..n]));
            parts.Add(x.TryWriteSignificandBigEndian(buffer, out n) + Convert.ToHexString(buffer[..n]));
            parts.Add(x.TryWriteSignificandLittleEndian(buffer, out n) + Convert.ToHexString(buffer[..n]));
            parts.Add(x.WriteExponentBigEndian(buffer).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return string.Join("|", parts);
        }
    }

    private static class Get<T>
        where T : IFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        public static T Zero => T.Zero;

        public static T One => T.One;

        public static T NegativeOne => T.NegativeOne;

        public static T AdditiveIdentity => T.AdditiveIdentity;

        public static T MultiplicativeIdentity => T.MultiplicativeIdentity;

        public static T E => T.E;

        public static T Pi => T.Pi;

        public static T Tau => T.Tau;

        public static T Epsilon => T.Epsilon;

        public static T NaN => T.NaN;

        public static T NegativeInfinity => T.NegativeInfinity;

        public static T PositiveInfinity => T.PositiveInfinity;

        public static T NegativeZero => T.NegativeZero;

        public static T MaxValue => T.MaxValue;

        public static T MinValue => T.MinValue;

        public static int Radix => T.Radix;
    }
}
