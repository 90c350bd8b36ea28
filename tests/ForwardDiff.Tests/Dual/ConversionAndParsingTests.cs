using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// INumberBase conversions both ways (CreateChecked / CreateSaturating / CreateTruncating to and from the
/// primitive numeric types) through the interface, and the parsing/formatting interfaces: a conversion
/// into a dual must give double's value with zero derivative; a conversion out of a dual converts its value.
/// </summary>
[TestFixture]
public sealed class ConversionAndParsingTests
{
    private static readonly double[] Ladder =
    [
        double.NegativeInfinity, double.MinValue, -1e20, -3.75, -1.0, -double.Epsilon, -0.0, double.NaN, 0.0, double.Epsilon, 0.5, 1.0, 2.5, 200.5, 70000.25, 3e9, 1e20, double.MaxValue, double.PositiveInfinity,
    ];

    private static void SameBits(double actual, double expected, string what)
        => Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), () => $"{what}: got {actual:R}, expected {expected:R}");

    // Converting FROM TFrom into Dual<double>: value as double would convert it, derivative zero.
    private static void CheckFrom<TFrom>(params TFrom[] sources)
        where TFrom : INumberBase<TFrom>
    {
        foreach (TFrom source in sources)
        {
            string at = $"{typeof(TFrom).Name} {source}";
            SameBits(Via.CreateSaturating<Dual<double>, TFrom>(source).Value, Via.CreateSaturating<double, TFrom>(source), "CreateSaturating from " + at);
            SameBits(Via.CreateTruncating<Dual<double>, TFrom>(source).Value, Via.CreateTruncating<double, TFrom>(source), "CreateTruncating from " + at);
            Assert.That(Via.CreateSaturating<Dual<double>, TFrom>(source).Derivative, Is.Zero, at);
            double expected;
            try
            {
                expected = Via.CreateChecked<double, TFrom>(source);
            }
            catch (OverflowException)
            {
                Assert.That(() => Via.CreateChecked<Dual<double>, TFrom>(source), Throws.InstanceOf<OverflowException>(), "CreateChecked from " + at);
                continue;
            }

            Dual<double> converted = Via.CreateChecked<Dual<double>, TFrom>(source);
            SameBits(converted.Value, expected, "CreateChecked from " + at);
            Assert.That(converted.Derivative, Is.Zero, at);
        }
    }

    // Converting a dual TO TTo: what double gives for the value (and the same OverflowException).
    private static void CheckTo<TTo>()
        where TTo : INumberBase<TTo>
    {
        foreach (double x in Ladder)
        {
            Dual<double> dual = new(x, 1.25);
            string at = $"{x:R} to {typeof(TTo).Name}";
            Assert.That(Via.CreateSaturating<TTo, Dual<double>>(dual), Is.EqualTo(Via.CreateSaturating<TTo, double>(x)), "CreateSaturating " + at);
            Assert.That(Via.CreateTruncating<TTo, Dual<double>>(dual), Is.EqualTo(Via.CreateTruncating<TTo, double>(x)), "CreateTruncating " + at);
            TTo expected;
            try
            {
                expected = Via.CreateChecked<TTo, double>(x);
            }
            catch (OverflowException)
            {
                Assert.That(() => Via.CreateChecked<TTo, Dual<double>>(dual), Throws.InstanceOf<OverflowException>(), "CreateChecked " + at);
                continue;
            }

            Assert.That(Via.CreateChecked<TTo, Dual<double>>(dual), Is.EqualTo(expected), "CreateChecked " + at);
        }
    }

    [Test]
    public void CreateFromIntegers_GivesDoublesValueAndZeroDerivative()
    {
        CheckFrom<int>(int.MinValue, -7, 0, 1, int.MaxValue);
        CheckFrom<long>(long.MinValue, -(1L << 53) - 1, 0, 9_007_199_254_740_993, long.MaxValue);
        CheckFrom<Int128>(Int128.MinValue, -1, 0, Int128.MaxValue);
        CheckFrom<UInt128>(UInt128.Zero, UInt128.One, UInt128.MaxValue);
        CheckFrom<byte>(0, 1, 255);
        CheckFrom<sbyte>(-128, 0, 127);
        CheckFrom<short>(short.MinValue, 0, short.MaxValue);
        CheckFrom<ushort>(0, ushort.MaxValue);
        CheckFrom<uint>(0, uint.MaxValue);
        CheckFrom<ulong>(0, ulong.MaxValue);
        CheckFrom<nint>(nint.MinValue, 0, nint.MaxValue);
        CheckFrom<nuint>(0, nuint.MaxValue);
        CheckFrom<BigInteger>(BigInteger.Pow(10, 400), -BigInteger.Pow(10, 400), BigInteger.One);
    }

    [Test]
    public void CreateFromFloatingPoint_GivesDoublesValueAndZeroDerivative()
    {
        CheckFrom<double>(Ladder);
        CheckFrom<float>(float.NegativeInfinity, float.MinValue, -1.5f, -0.0f, float.NaN, float.Epsilon, 0.1f, float.MaxValue, float.PositiveInfinity);
        CheckFrom<Half>(Half.NegativeInfinity, Half.MinValue, (Half)(-1.5), Half.NegativeZero, Half.NaN, Half.Epsilon, (Half)0.1, Half.MaxValue, Half.PositiveInfinity);
        CheckFrom<decimal>(decimal.MinValue, -1.1m, 0m, 0.1m, 79228162514264337593543950335m);
        CheckFrom<NFloat>(NFloat.NegativeInfinity, NFloat.MinValue, (NFloat)(-1.5), NFloat.NaN, NFloat.Epsilon, NFloat.MaxValue);
    }

    [Test]
    public void CreateFromDualOfSameType_KeepsTheDerivative()
    {
        Dual<double> x = new(2.5, -4);
        Assert.That(Via.CreateChecked<Dual<double>, Dual<double>>(x), Is.EqualTo(x));
        Assert.That(Via.CreateSaturating<Dual<double>, Dual<double>>(x), Is.EqualTo(x));
        Assert.That(Via.CreateTruncating<Dual<double>, Dual<double>>(x), Is.EqualTo(x));
    }

    [Test]
    public void NestedDual_CreateFromDouble_IsAConstantAtEveryLevel()
    {
        Dual<Dual<double>> nested = Via.CreateChecked<Dual<Dual<double>>, double>(1.5);
        Assert.That(nested.Value.Value, Is.EqualTo(1.5));
        Assert.That(nested.Value.Derivative, Is.Zero);
        Assert.That(nested.Derivative.Value, Is.Zero);
        Assert.That(nested.Derivative.Derivative, Is.Zero);
        Assert.That(Via.CreateChecked<Dual<float>, int>(3).Value, Is.EqualTo(3f));
        Assert.That(Via.CreateChecked<Dual<Half>, double>(0.5).Value, Is.EqualTo((Half)0.5));
    }

    [Test]
    public void ConvertToIntegers_ConvertsTheValueLikeDouble()
    {
        CheckTo<int>();
        CheckTo<long>();
        CheckTo<Int128>();
        CheckTo<UInt128>();
        CheckTo<byte>();
        CheckTo<sbyte>();
        CheckTo<short>();
        CheckTo<ushort>();
        CheckTo<uint>();
        CheckTo<ulong>();
        CheckTo<nint>();
        CheckTo<char>();
    }

    [Test]
    public void ConvertToFloatingPoint_ConvertsTheValueLikeDouble()
    {
        CheckTo<double>();
        CheckTo<float>();
        CheckTo<Half>();
        CheckTo<decimal>();
    }

    [Test]
    public void Parse_ThroughEveryParsingInterface_GivesDoublesValueAndZeroDerivative()
    {
        foreach (double x in Ladder)
        {
            string text = x.ToString("R", CultureInfo.InvariantCulture);
            double expected = double.Parse(text, CultureInfo.InvariantCulture);
            foreach ((string how, Dual<double> parsed) in new[]
            {
                ("IParsable", Via.Parse<Dual<double>>(text)),
                ("ISpanParsable", Via.SpanParse<Dual<double>>(text)),
                ("IUtf8SpanParsable", Via.Utf8Parse<Dual<double>>(text)),
                ("INumberBase styles", Via.ParseStyles<Dual<double>>(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            })
            {
                SameBits(parsed.Value, expected, $"{how} \"{text}\"");
                Assert.That(parsed.Derivative, Is.Zero, $"{how} \"{text}\"");
            }

            Assert.That(Via.TryParse(text, out Dual<double> tried), Is.True);
            SameBits(tried.Value, expected, text);
            Assert.That(Via.SpanTryParse(text, out tried), Is.True);
            SameBits(tried.Value, expected, text);
            Assert.That(Via.Utf8TryParse(text, out tried), Is.True);
            SameBits(tried.Value, expected, text);
        }
    }

    [Test]
    public void Parse_HonoursStylesAndProvider_LikeDouble()
    {
        var commaDecimal = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
        (string Text, NumberStyles Styles, IFormatProvider Provider)[] cases =
        [
            ("  1,234.5  ", NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            ("(42)", NumberStyles.Float | NumberStyles.AllowParentheses, CultureInfo.InvariantCulture),
            ("1e-5", NumberStyles.Float, CultureInfo.InvariantCulture),
            ("-Infinity", NumberStyles.Float, CultureInfo.InvariantCulture),
            ("NaN", NumberStyles.Float, CultureInfo.InvariantCulture),
            ("3,25", NumberStyles.Float, commaDecimal),
            ("1.234,5", NumberStyles.Float | NumberStyles.AllowThousands, commaDecimal),
        ];
        foreach ((string text, NumberStyles styles, IFormatProvider provider) in cases)
        {
            double expected = double.Parse(text, styles, provider);
            SameBits(Via.ParseStyles<Dual<double>>(text, styles, provider).Value, expected, text);
            Assert.That(Via.TryParseStyles(text, styles, provider, out Dual<double> tried), Is.True, text);
            SameBits(tried.Value, expected, text);
        }
    }

    [TestCase("abc")]
    [TestCase("1.5.5")]
    [TestCase("")]
    [TestCase("2 + x")]
    public void Parse_OfGarbage_ThrowsFormatExceptionNamingTheText_AndTryParseFails(string text)
    {
        Assert.That(() => Via.Parse<Dual<double>>(text), Throws.InstanceOf<FormatException>().With.Message.Contains(text));
        Assert.That(() => Via.SpanParse<Dual<double>>(text), Throws.InstanceOf<FormatException>().With.Message.Contains(text));
        Assert.That(() => Via.Utf8Parse<Dual<double>>(text), Throws.InstanceOf<FormatException>().With.Message.Contains(text));
        Assert.That(Via.TryParse(text, out Dual<double> result), Is.False);
        Assert.That(result, Is.EqualTo(default(Dual<double>)));
        Assert.That(Via.SpanTryParse(text, out result), Is.False);
        Assert.That(Via.Utf8TryParse(text, out result), Is.False);
    }

    [Test]
    public void Parse_OfNull_Throws_AndTryParseOfNull_Fails()
    {
        Assert.That(() => Dual<double>.Parse(null!, CultureInfo.InvariantCulture), Throws.ArgumentNullException);
        Assert.That(Via.TryParse<Dual<double>>(null, out _), Is.False);
    }

    [Test]
    public void Format_ThroughEveryFormattingInterface_Agrees()
    {
        foreach (double x in Ladder)
        {
            foreach (Dual<double> d in new[] { Dual<double>.Constant(x), new Dual<double>(x, -2.5), new Dual<double>(x, double.NaN) })
            {
                foreach (string? format in new[] { null, "R", "G5", "F3", "E2" })
                {
                    string text = Via.Format(d, format);
                    Assert.That(text, Does.Contain(x.ToString(format, CultureInfo.InvariantCulture)), () => $"{format} of {x:R}");
                    Assert.That(Via.SpanFormat(d, format), Is.EqualTo(text), () => $"ISpanFormattable {format} of {x:R}");
                    Assert.That(Via.Utf8Format(d, format), Is.EqualTo(text), () => $"IUtf8SpanFormattable {format} of {x:R}");
                }

                Assert.That(Via.SpanFormatTooSmall(d), Is.False, "a one-char buffer is too small and reports nothing written");
            }
        }
    }

    [Test]
    public void FormatThenParse_RoundTripsValueAndDerivative()
    {
        foreach (double x in Ladder)
        {
            foreach (Dual<double> d in new[] { Dual<double>.Constant(x), new Dual<double>(x, -2.5), new Dual<double>(x, 1e-300) })
            {
                string text = Via.Format(d, "R");
                Dual<double> back = Via.Parse<Dual<double>>(text);
                SameBits(back.Value, d.Value, $"value of \"{text}\"");
                SameBits(back.Derivative, d.Derivative, $"derivative of \"{text}\"");
                Assert.That(Via.SpanParse<Dual<double>>(text).Derivative, Is.EqualTo(d.Derivative), text);
            }
        }
    }
}
